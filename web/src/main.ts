import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { render } from 'preact';
import { html } from 'htm/preact';
import { App } from './app.js';
import { interceptLinks } from './router.js';
import { uiLang } from './i18n.js';

const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = uiLang();
  interceptLinks(root);
  render(html`<${App} />`, root);
}
