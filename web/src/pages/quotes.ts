import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { queryString, type Page, type StoredQuote } from '../api.js';
import { ActorLink, ArticleLink, DateText, Empty, LangTag, Loaded, PageHeader, Pager, Panel } from '../components/common.js';
import { FilterForm } from '../components/filters.js';
import { useApi } from '../components/use-api.js';
import { num, t } from '../i18n.js';
import { setQuery } from '../router.js';

const LIMIT = 30;

/** `/quotes`: quotes filtered by speaker, language, date and direct/indirect. */
export function QuotesPage(props: { query: URLSearchParams }): VNode {
  const q = props.query;
  const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
  const url = '/api/quotes' + queryString({
    speaker: q.get('speaker'), lang: q.get('lang'), from: q.get('from'), to: q.get('to'), direct: q.get('direct'), limit: LIMIT, offset,
  });
  const load = useApi<Page<StoredQuote>>(url);
  return html`<div class="page quotes">
    <${PageHeader} title=${t('quotesTitle')} lead=${t('quotesLead')} />
    <${FilterForm} fields=${['speaker', 'direct', 'lang', 'from', 'to']} query=${q} />
    <${Loaded} load=${load}>${(p: Page<StoredQuote>) => html`<${Panel}>
      <div class="result-count">${num(p.total)} ${t('quotes').toLowerCase()}</div>
      ${p.items.length ? html`<ul class="quote-list wide">
        ${p.items.map((item) => html`<li class=${'quote-card ' + (item.direct ? 'direct' : 'indirect')}>
          <div class="quote-speaker"><${ActorLink} name=${item.speaker} /><span class="tag">${item.direct ? t('direct') : t('indirect')}</span></div>
          <p class="quote-text">${item.direct ? html`<span class="qmark" aria-hidden="true">“</span>` : null}${item.text}${item.direct ? html`<span class="qmark close" aria-hidden="true">”</span>` : null}</p>
          <div class="quote-meta"><${DateText} date=${item.date} /><${LangTag} lang=${item.lang} /><${ArticleLink} id=${item.articleId} title=${item.title} /></div>
        </li>`)}
      </ul>` : html`<${Empty} />`}
      <${Pager} total=${p.total} limit=${LIMIT} offset=${offset} onOffset=${(o: number) => setQuery({ offset: o || null }, { keepOffset: true })} />
    <//>`}<//>
  </div>`;
}
