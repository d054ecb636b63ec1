import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { EVENT_TYPES, queryString, type ActorRank, type Page, type Stats, type StoredEvent, type TimelineResponse } from '../api.js';
import { ActorLink, ArticleLink, BarList, DateText, Empty, EventBadge, Intensity, LangTag, Loaded, PageHeader, Panel, Stat } from '../components/common.js';
import { TimeChart } from '../components/time-chart.js';
import { useApi } from '../components/use-api.js';
import { entityLabel, eventLabel, fmtDate, langName, num, t } from '../i18n.js';
import { ESCALATION_COLOR, EVENT_COLORS, isoDay, toSeconds } from '../palette.js';
import { href, setQuery } from '../router.js';

type By = 'day' | 'week' | 'month';

function PeriodSwitch(props: { by: By }): VNode {
  return html`<div class="segmented" role="group" aria-label="period">
    ${(['day', 'week', 'month'] as By[]).map((b) => html`<button type="button" class=${props.by === b ? 'on' : ''} aria-pressed=${props.by === b}
      onClick=${() => setQuery({ by: b === 'month' ? null : b }, { keepOffset: true })}>${t(b)}</button>`)}
  </div>`;
}

function Charts(props: { timeline: TimelineResponse }): VNode {
  const periods = props.timeline.periods;
  if (!periods.length) return html`<${Panel} title=${t('escalation')}><${Empty} /><//>`;
  const x = periods.map((p) => toSeconds(p.start));
  const onSelect = (a: number, b: number) => setQuery({ from: isoDay(a), to: isoDay(b) });
  const present = EVENT_TYPES.filter((type) => periods.some((p) => (p.counts[type] ?? 0) > 0));
  return html`<div class="chart-grid">
    <${Panel} title=${t('escalation')} help=${t('escalationHelp')} id="escalation-chart">
      <${TimeChart} kind="line" x=${x} height=${220} onSelect=${onSelect} ariaLabel=${t('escalation')}
        series=${[{ label: t('escalation'), color: ESCALATION_COLOR, values: periods.map((p) => p.escalation ?? 0) }]} />
    <//>
    <${Panel} title=${t('eventsOverTime')} help=${t('brushHint')} id="events-chart">
      <${TimeChart} kind="stacked" x=${x} height=${220} onSelect=${onSelect} ariaLabel=${t('eventsOverTime')}
        series=${present.map((type) => ({ label: eventLabel(type), color: EVENT_COLORS[type], values: periods.map((p) => p.counts[type] ?? 0) }))} />
      <ul class="chart-legend">${present.map((type) => html`<li><a href=${href('/search', { type })}><span class=${'sw-dot ev-' + type}></span>${eventLabel(type)}</a></li>`)}</ul>
    <//>
  </div>`;
}

function LatestEvents(props: { events: StoredEvent[] }): VNode {
  if (!props.events.length) return html`<${Empty} />`;
  return html`<ol class="event-feed">
    ${props.events.map((e) => html`<li class="event-item">
      <div class="event-meta">
        <${EventBadge} type=${e.type} /><${Intensity} value=${e.intensity} />
        <${DateText} date=${e.date} /><${LangTag} lang=${e.lang} />
      </div>
      <div class="event-who"><${ActorLink} name=${e.actor} />${e.target ? html`<span class="arrow">→</span><${ActorLink} name=${e.target} />` : null}</div>
      <blockquote class="evidence">${e.evidence.text}</blockquote>
      <div class="event-source"><${ArticleLink} id=${e.articleId} title=${e.title} /></div>
    </li>`)}
  </ol>`;
}

function sortEvents(events: StoredEvent[]): StoredEvent[] {
  return [...events].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.intensity - a.intensity).slice(0, 8);
}

/** `/`: escalation and event charts, latest high-intensity events, top actors, language and source mix. */
export function OverviewPage(props: { query: URLSearchParams }): VNode {
  const q = props.query;
  const by = (['day', 'week'].includes(q.get('by') ?? '') ? q.get('by') : 'month') as By;
  const from = q.get('from') ?? undefined;
  const to = q.get('to') ?? undefined;
  const stats = useApi<Stats>('/api/stats');
  const timeline = useApi<TimelineResponse>('/api/timeline' + queryString({ by, from, to }));
  const events = useApi<Page<StoredEvent>>('/api/events' + queryString({ minIntensity: 7, from, to, limit: 200 }));
  const actors = useApi<Page<ActorRank>>('/api/actors' + queryString({ limit: 10, from, to }));
  const period = from || to ? html`<span class="chip active-filter">${fmtDate(from)} – ${fmtDate(to)}
      <button type="button" class="chip-x" aria-label=${t('clearPeriod')} title=${t('clearPeriod')} onClick=${() => setQuery({ from: null, to: null })}>×</button></span>` : null;
  return html`<div class="page overview">
    <${PageHeader} title=${t('overviewTitle')} lead=${t('overviewLead')} tools=${html`${period}<${PeriodSwitch} by=${by} />`} />
    <${Loaded} load=${stats}>${(s: Stats) => html`<div class="stats-row">
      <${Stat} label=${t('articles')} value=${num(s.articles)} sub=${`${num(s.nearCopies)} ${t('nearCopies').toLowerCase()}`} />
      <${Stat} label=${t('events')} value=${num(s.events)} />
      <${Stat} label=${t('quotes')} value=${num(s.quotes)} />
      <${Stat} label=${t('claims')} value=${num(s.claims)} />
      <${Stat} label=${t('coverage')} value=${html`<span class="stat-range"><span>${fmtDate(s.first?.slice(0, 7))} –</span> <span>${fmtDate(s.last?.slice(0, 7))}</span></span>`} />
    </div>`}<//>
    <${Loaded} load=${timeline}>${(tl: TimelineResponse) => html`<${Charts} timeline=${tl} />`}<//>
    <div class="overview-grid">
      <${Panel} title=${t('latestHigh')} class="span-2">
        <${Loaded} load=${events}>${(p: Page<StoredEvent>) => html`<${LatestEvents} events=${sortEvents(p.items)} />`}<//>
      <//>
      <div class="stack">
        <${Panel} title=${t('topActors')}>
          <${Loaded} load=${actors}>${(p: Page<ActorRank>) => p.items.length ? html`<${BarList} rows=${p.items.map((a) => ({
            key: a.name, value: a.mentions, hint: entityLabel(a.type),
            label: html`<a href=${href('/actor/' + encodeURIComponent(a.name))}>${a.name}</a>`,
          }))} />` : html`<${Empty} />`}<//>
        <//>
        <${Loaded} load=${stats}>${(s: Stats) => html`
          ${s.eventsByType ? html`<${Panel} title=${t('eventTypes')}>
            <${BarList} rows=${Object.entries(s.eventsByType).sort((a, b) => b[1] - a[1]).map(([type, n]) => ({
              key: type, value: n, color: EVENT_COLORS[type], label: html`<a href=${href('/search', { type })}>${eventLabel(type)}</a>`,
            }))} />
          <//>` : null}
          <${Panel} title=${t('languageMix')}>
            <${BarList} rows=${Object.entries(s.languages).sort((a, b) => b[1] - a[1]).map(([code, n]) => ({
              key: code, value: n, label: html`<a href=${href('/search', { lang: code })}>${langName(code)}</a>`,
            }))} />
          <//>
          <${Panel} title=${t('sourceMix')}>
            ${Object.keys(s.sources ?? {}).length ? html`<${BarList} rows=${Object.entries(s.sources).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([host, n]) => ({ key: host, value: n, label: host }))} />` : html`<${Empty}>${t('noSources')}<//>`}
          <//>`}<//>
      </div>
    </div>
  </div>`;
}
