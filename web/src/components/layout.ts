import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { setUiLang, t, uiLang, type MessageKey } from '../i18n.js';

const NAV: [string, MessageKey][] = [
  ['/', 'navOverview'], ['/search', 'navSearch'], ['/quotes', 'navQuotes'], ['/claims', 'navClaims'],
  ['/treaties', 'navTreaties'], ['/stories', 'navStories'], ['/alerts', 'navAlerts'],
];

function isActive(path: string, target: string): boolean {
  if (target === '/') return path === '/';
  return path === target || path.startsWith(target + '/');
}

/** The top bar with navigation and the language switch, around the page. */
export function Layout(props: { path: string; children: ComponentChildren }): VNode {
  const other = uiLang() === 'en' ? 'nl' : 'en';
  return html`<div class="shell">
    <header class="topbar">
      <div class="topbar-inner">
        <a class="brand" href="/" aria-label=${t('brand')}>
          <span class="brand-mark" aria-hidden="true"></span>
          <span class="brand-text"><strong>${t('brand')}</strong><small>${t('tagline')}</small></span>
        </a>
        <nav class="mainnav" aria-label="main">
          ${NAV.map(([target, key]) => html`<a href=${target} class=${isActive(props.path, target) || (target === '/search' && props.path.startsWith('/article')) ? 'active' : ''}
            aria-current=${isActive(props.path, target) ? 'page' : undefined}>${t(key)}</a>`)}
        </nav>
        <button type="button" class="lang-switch" title=${t('switchTitle')} data-ui=${other} onClick=${() => setUiLang(other)}>
          <span class=${uiLang() === 'en' ? 'on' : ''}>EN</span><span class=${uiLang() === 'nl' ? 'on' : ''}>NL</span>
        </button>
      </div>
    </header>
    <main class="content">${props.children}</main>
  </div>`;
}
