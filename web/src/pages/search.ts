import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { queryString, type ArticleSummary, type Page, type SearchHit, type SearchPage as SearchResult } from '../api.js';
import { ArticleLink, DateText, Empty, Highlighted, Intensity, LangTag, Loaded, PageHeader, Pager, Panel } from '../components/common.js';
import { FilterForm } from '../components/filters.js';
import { useApi } from '../components/use-api.js';
import { eventLabel, langName, num, t } from '../i18n.js';
import { setQuery } from '../router.js';

const LIMIT = 20;
const FILTERS = ['from', 'to', 'lang', 'actor', 'type', 'minIntensity'] as const;

function Facet(props: { title: string; name: string; counts: Record<string, number> | undefined; current: string | null; label: (k: string) => string }): VNode | null {
  const entries = Object.entries(props.counts ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 12);
  if (!entries.length) return null;
  return html`<div class="facet">
    <h3>${props.title}</h3>
    <ul>
      ${entries.map(([key, n]) => html`<li>
        <button type="button" class=${'facet-btn' + (props.current === key ? ' on' : '')} aria-pressed=${props.current === key}
          onClick=${() => setQuery({ [props.name]: props.current === key ? null : key })}>
          <span class="facet-label">${props.label(key)}</span><span class="facet-count">${num(n)}</span>
        </button>
      </li>`)}
    </ul>
  </div>`;
}

function Hit(props: { hit: SearchHit }): VNode {
  const h = props.hit;
  return html`<li class="result">
    <div class="result-meta"><${DateText} date=${h.date} /><${LangTag} lang=${h.lang} /></div>
    <h3 class="result-title"><${ArticleLink} id=${h.id} title=${h.title} /></h3>
    <p class="result-snippet"><${Highlighted} text=${h.snippet} ranges=${h.highlights ?? []} /></p>
  </li>`;
}

function Summary(props: { article: ArticleSummary }): VNode {
  const a = props.article;
  return html`<li class="result">
    <div class="result-meta"><${DateText} date=${a.date} /><${LangTag} lang=${a.lang} />
      ${a.eventCount ? html`<span class="muted">${num(a.eventCount)} ${a.eventCount === 1 ? t('eventsOne') : t('events').toLowerCase()}</span>` : null}
      ${a.maxIntensity !== null && a.maxIntensity !== undefined ? html`<${Intensity} value=${a.maxIntensity} />` : null}
    </div>
    <h3 class="result-title"><${ArticleLink} id=${a.id} title=${a.title} /></h3>
  </li>`;
}

/** `/search`: full-text search with filters, facets, highlighted snippets and paging (empty query: latest articles). */
export function SearchPage(props: { query: URLSearchParams }): VNode {
  const query = props.query;
  const q = query.get('q') ?? '';
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const params: Record<string, string | number | undefined> = { limit: LIMIT, offset };
  for (const f of FILTERS) params[f] = query.get(f) ?? undefined;
  const search = useApi<SearchResult>(q ? '/api/search' + queryString({ q, ...params }) : null);
  const browse = useApi<Page<ArticleSummary>>(q ? null : '/api/articles' + queryString(params));
  const submit = (event: Event) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    setQuery({ q: value || null });
  };
  const onOffset = (o: number) => setQuery({ offset: o || null }, { keepOffset: true });
  return html`<div class="page search">
    <${PageHeader} title=${t('searchTitle')} lead=${t('searchLead')} />
    <form class="searchbox" role="search" key=${q} onSubmit=${submit}>
      <input type="search" name="q" value=${q} placeholder=${t('searchPlaceholder')} aria-label=${t('searchTitle')} autocomplete="off" />
      <button type="submit" class="btn primary">${t('searchButton')}</button>
    </form>
    <${FilterForm} fields=${[...FILTERS]} query=${query} />
    ${q ? html`<${Loaded} load=${search}>${(r: SearchResult) => html`<div class="with-sidebar">
        <aside class="facets" aria-label="facets">
          <${Facet} title=${t('facetsLang')} name="lang" counts=${r.facets?.lang} current=${query.get('lang')} label=${langName} />
          <${Facet} title=${t('facetsType')} name="type" counts=${r.facets?.type} current=${query.get('type')} label=${eventLabel} />
          <${Facet} title=${t('facetsActor')} name="actor" counts=${r.facets?.actor} current=${query.get('actor')} label=${(k: string) => k} />
        </aside>
        <${Panel} class="results-panel">
          <div class="result-count">${num(r.total)} ${t('results')}</div>
          ${r.items.length ? html`<ol class="results">${r.items.map((hit) => html`<${Hit} key=${hit.id} hit=${hit} />`)}</ol>` : html`<${Empty}>${t('noResults')}<//>`}
          <${Pager} total=${r.total} limit=${LIMIT} offset=${offset} onOffset=${onOffset} />
        <//>
      </div>`}<//>`
    : html`<${Loaded} load=${browse}>${(p: Page<ArticleSummary>) => html`<${Panel} title=${t('browseAll')} class="results-panel">
        <div class="result-count">${num(p.total)} ${t('results')}</div>
        ${p.items.length ? html`<ol class="results">${p.items.map((a) => html`<${Summary} key=${a.id} article=${a} />`)}</ol>` : html`<${Empty}>${t('noResults')}<//>`}
        <${Pager} total=${p.total} limit=${LIMIT} offset=${offset} onOffset=${onOffset} />
      <//>`}<//>`}
  </div>`;
}

