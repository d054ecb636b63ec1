import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ActorProfile, StoredQuote } from '../api.js';
import { ArticleLink, DateText, Empty, LangTag, Loaded, PageHeader, Panel, Stat } from '../components/common.js';
import { EventTable } from '../components/event-table.js';
import { NetworkGraph } from '../components/network-graph.js';
import { useApi } from '../components/use-api.js';
import { entityLabel, fmtDate, langName, num, t } from '../i18n.js';
import { href } from '../router.js';

const SHOWN_QUOTES = 8;

function QuoteHistogram(props: { quotes: StoredQuote[] }): VNode | null {
  const counts = new Map<string, number>();
  for (const q of props.quotes) if (q.date) counts.set(q.date.slice(0, 7), (counts.get(q.date.slice(0, 7)) ?? 0) + 1);
  if (counts.size < 2) return null;
  const keys = [...counts.keys()].sort();
  const [fy, fm] = keys[0].split('-').map(Number);
  const [ly, lm] = keys[keys.length - 1].split('-').map(Number);
  const months: string[] = [];
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? (y++, m = 1) : m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
  const max = Math.max(...counts.values());
  return html`<div class="histogram" role="img" aria-label=${t('quotesOverTime')}>
    <div class="histo-bars">${months.map((m) => html`<span class="histo-col" title=${`${fmtDate(m)}: ${counts.get(m) ?? 0}`}>
      <span class="histo-bar" style=${{ height: `${(100 * (counts.get(m) ?? 0)) / max}%` }}></span></span>`)}</div>
    <div class="histo-axis"><span>${fmtDate(months[0])}</span><span>${fmtDate(months[months.length - 1])}</span></div>
  </div>`;
}

function QuoteTimeline(props: { quotes: StoredQuote[]; name: string; total: number }): VNode {
  if (!props.quotes.length) return html`<${Empty} />`;
  const byYear = new Map<string, StoredQuote[]>();
  const sorted = [...props.quotes].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  for (const q of sorted.slice(0, SHOWN_QUOTES)) {
    const year = q.date?.slice(0, 4) ?? '–';
    byYear.set(year, [...(byYear.get(year) ?? []), q]);
  }
  return html`<div class="quote-timeline">
    ${[...byYear.entries()].map(([year, quotes]) => html`<section class="year">
      <h3 class="year-label">${year}</h3>
      <ul class="quote-list">
        ${quotes.map((q) => html`<li class=${'quote-card ' + (q.direct ? 'direct' : 'indirect')}>
          <p class="quote-text">${q.direct ? html`<span class="qmark" aria-hidden="true">“</span>` : null}${q.text}${q.direct ? html`<span class="qmark close" aria-hidden="true">”</span>` : null}</p>
          <div class="quote-meta"><${DateText} date=${q.date} /><${LangTag} lang=${q.lang} /><span class="tag">${q.direct ? t('direct') : t('indirect')}</span>
            <${ArticleLink} id=${q.articleId} title=${q.title} /></div>
        </li>`)}
      </ul>
    </section>`)}
    ${Math.max(props.total, sorted.length) > SHOWN_QUOTES ? html`<a class="more-link" href=${href('/quotes', { speaker: props.name })}>${t('allQuotes')} (${num(Math.max(props.total, sorted.length))}) →</a>` : null}
  </div>`;
}

function Profile(props: { actor: ActorProfile }): VNode {
  const a = props.actor;
  const aliasEntries = Object.entries(a.aliases ?? {}).filter(([, list]) => list.length);
  return html`<div class="page actor">
    <${PageHeader} kicker=${html`${t('actorProfile')} · ${entityLabel(a.type)}`} title=${a.name}
      tools=${html`<a class="btn" href=${href('/search', { actor: a.name, q: a.name })}>${t('navSearch')} →</a>
        <a class="btn" href=${href('/quotes', { speaker: a.name })}>${t('navQuotes')} →</a>
        <a class="btn" href=${href('/claims', { holder: a.name })}>${t('navClaims')} →</a>`} />
    <div class="stats-row">
      <${Stat} label=${t('mentionsTitle')} value=${num(a.counts.mentions)} />
      <${Stat} label=${t('quotes')} value=${num(a.counts.quotes)} />
      <${Stat} label=${t('events')} value=${num(a.counts.events)} />
    </div>
    <div class="two-col">
      <div class="stack">
        <${Panel} title=${t('aliases')} class="compact">
          ${aliasEntries.length ? html`<dl class="aliases">${aliasEntries.map(([lang, list]) => html`<div class="alias-row">
            <dt>${lang === 'all' ? html`<span class="lang-tag">*</span> ${t('allLanguages')}` : html`<${LangTag} lang=${lang} /> ${langName(lang)}`}</dt>
            <dd>${list.map((name) => html`<span class="chip">${name}</span>`)}</dd></div>`)}</dl>` : html`<${Empty} />`}
        <//>
        <${Panel} title=${t('network')} help=${t('networkHint')}>
          ${a.network.nodes.length > 1 ? html`<${NetworkGraph} nodes=${a.network.nodes} edges=${a.network.edges} center=${a.name} label=${t('network')} />` : html`<${Empty}>${t('noNetwork')}<//>`}
        <//>
      </div>
      <${Panel} title=${t('quotesOverTime')}>
        <${QuoteHistogram} quotes=${a.quotes} />
        <${QuoteTimeline} quotes=${a.quotes} name=${a.name} total=${a.counts.quotes} />
      <//>
    </div>
    <${Panel} title=${t('eventsAsActor')}><${EventTable} events=${a.eventsAsActor} show="actor" /><//>
    <${Panel} title=${t('eventsAsTarget')}><${EventTable} events=${a.eventsAsTarget} show="target" /><//>
  </div>`;
}

/** `/actor/:name`: profile, aliases per language, quotes over time, events, co-mention network. */
export function ActorPage(props: { name: string }): VNode {
  const load = useApi<ActorProfile>('/api/actors/' + encodeURIComponent(props.name));
  return html`<${Loaded} load=${load}>${(a: ActorProfile) => html`<${Profile} actor=${a} />`}<//>`;
}
