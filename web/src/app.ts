import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { Layout } from './components/layout.js';
import { PageHeader } from './components/common.js';
import { t, useUiLang } from './i18n.js';
import { useRoute, type Route } from './router.js';
import { OverviewPage } from './pages/overview.js';
import { SearchPage } from './pages/search.js';
import { ArticlePage } from './pages/article.js';
import { ActorPage } from './pages/actor.js';
import { QuotesPage } from './pages/quotes.js';
import { ClaimsPage } from './pages/claims.js';
import { TreatiesPage } from './pages/treaties.js';
import { StoriesPage } from './pages/stories.js';
import { AlertsPage } from './pages/alerts.js';

function param(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (!rest || rest.includes('/')) return null;
  try { return decodeURIComponent(rest); } catch { return rest; }
}

function page(route: Route): { view: VNode; title: string } {
  const { path, query } = route;
  if (path === '/') return { view: html`<${OverviewPage} query=${query} />`, title: t('overviewTitle') };
  if (path === '/search') return { view: html`<${SearchPage} query=${query} />`, title: t('searchTitle') };
  if (path === '/quotes') return { view: html`<${QuotesPage} query=${query} />`, title: t('quotesTitle') };
  if (path === '/claims') return { view: html`<${ClaimsPage} query=${query} />`, title: t('claimsTitle') };
  if (path === '/treaties') return { view: html`<${TreatiesPage} query=${query} />`, title: t('treatiesTitle') };
  if (path === '/stories') return { view: html`<${StoriesPage} query=${query} />`, title: t('storiesTitle') };
  if (path === '/alerts') return { view: html`<${AlertsPage} id=${null} query=${query} />`, title: t('alertsTitle') };
  const article = param(path, '/article/');
  if (article) return { view: html`<${ArticlePage} key=${article} id=${article} />`, title: article };
  const actor = param(path, '/actor/');
  if (actor) return { view: html`<${ActorPage} key=${actor} name=${actor} />`, title: actor };
  const alert = param(path, '/alerts/');
  if (alert) return { view: html`<${AlertsPage} key=${alert} id=${alert} query=${query} />`, title: t('alertsTitle') };
  return { view: html`<${PageHeader} title=${t('notFound')} lead=${t('notFoundText')} />`, title: t('notFound') };
}

/** The dashboard: routes by path, re-rendered on navigation and on language change. */
export function App(): VNode {
  const route = useRoute();
  useUiLang();
  const { view, title } = page(route);
  useEffect(() => { document.title = `${title} · Geiger`; }, [title]);
  return html`<${Layout} path=${route.path}>${view}<//>`;
}
