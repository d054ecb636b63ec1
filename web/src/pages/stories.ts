import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { queryString, type Page, type Story } from '../api.js';
import { ArticleLink, DateText, Empty, LangTag, Loaded, PageHeader, Pager } from '../components/common.js';
import { useApi } from '../components/use-api.js';
import { fmtDate, num, t } from '../i18n.js';
import { setQuery } from '../router.js';

const LIMIT = 30;

/** `/stories`: clusters of articles across languages. */
export function StoriesPage(props: { query: URLSearchParams }): VNode {
  const offset = Math.max(0, Number(props.query.get('offset') ?? 0) || 0);
  const load = useApi<Page<Story>>('/api/stories' + queryString({ limit: LIMIT, offset }));
  return html`<div class="page stories">
    <${PageHeader} title=${t('storiesTitle')} lead=${t('storiesLead')} />
    <${Loaded} load=${load}>${(p: Page<Story>) => p.items.length ? html`
      <div class="card-grid">
        ${p.items.map((s) => html`<section class="panel story-card">
          <div class="story-head">
            <h2>${s.title ?? t('untitled')}</h2>
            <div class="story-meta"><span>${fmtDate(s.first)}${s.last && s.last !== s.first ? ` – ${fmtDate(s.last)}` : ''}</span>
              <span class="muted">${num(s.articles.length)} ${t('articles').toLowerCase()}</span>
              <span class="langs">${s.languages.map((l) => html`<${LangTag} lang=${l} />`)}</span></div>
          </div>
          <ul class="story-articles">
            ${[...s.articles].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).map((a) => html`<li>
              <${DateText} date=${a.date} /><${LangTag} lang=${a.lang} /><${ArticleLink} id=${a.id} title=${a.title} />
            </li>`)}
          </ul>
        </section>`)}
      </div>
      <${Pager} total=${p.total} limit=${LIMIT} offset=${offset} onOffset=${(o: number) => setQuery({ offset: o || null }, { keepOffset: true })} />` : html`<${Empty} />`}<//>
  </div>`;
}
