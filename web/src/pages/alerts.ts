import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { queryString, type AlertHit, type AlertRule, type Page } from '../api.js';
import { ActorLink, ArticleLink, DateText, Empty, EventBadge, Intensity, Loaded, PageHeader, Pager, Panel } from '../components/common.js';
import { useApi } from '../components/use-api.js';
import { eventLabel, fmtDate, t } from '../i18n.js';
import { setQuery } from '../router.js';

const LIMIT = 50;

function words(rule: AlertRule): string {
  return Array.isArray(rule.words) ? rule.words.join(', ') : rule.words ?? '';
}

function RuleSummary(props: { rule: AlertRule }): VNode {
  const r = props.rule;
  return html`<dl class="rule-summary">
    ${r.actor ? html`<div><dt>${t('actor')}</dt><dd><${ActorLink} name=${r.actor} /></dd></div>` : null}
    ${r.type ? html`<div><dt>${t('eventType')}</dt><dd>${String(r.type).split(',').map((ty) => html`<${EventBadge} type=${ty.trim()} small />`)}</dd></div>` : null}
    ${r.minIntensity !== null && r.minIntensity !== undefined ? html`<div><dt>${t('minIntensity')}</dt><dd>≥ ${r.minIntensity}</dd></div>` : null}
    ${words(r) ? html`<div><dt>${t('words')}</dt><dd>${words(r)}</dd></div>` : null}
    ${r.created ? html`<div><dt>${t('created')}</dt><dd>${fmtDate(r.created.slice(0, 10))}</dd></div>` : null}
  </dl>`;
}

function RuleList(props: { rules: AlertRule[]; current: string | null }): VNode {
  if (!props.rules.length) return html`<${Empty}>${t('noRules')}<//>`;
  return html`<ul class="rule-list">
    ${props.rules.map((r) => html`<li class=${String(r.id) === props.current ? 'on' : ''}>
      <a href=${'/alerts/' + encodeURIComponent(String(r.id))}>${r.name}</a>
      <span class="muted">${[r.actor, r.type ? eventLabel(String(r.type)) : null].filter(Boolean).join(' · ')}</span>
    </li>`)}
  </ul>`;
}

function Hits(props: { id: string; offset: number }): VNode {
  const load = useApi<Page<AlertHit>>(`/api/alerts/rules/${encodeURIComponent(props.id)}/hits` + queryString({ limit: LIMIT, offset: props.offset }));
  return html`<${Loaded} load=${load}>${(p: Page<AlertHit>) => p.items.length ? html`
    <table class="table">
      <thead><tr><th>${t('date')}</th><th>${t('title')}</th><th>${t('type')}</th><th>${t('actor')}</th><th>${t('intensity')}</th><th>${t('matchedAt')}</th></tr></thead>
      <tbody>${p.items.map((h) => html`<tr>
        <td class="nowrap"><${DateText} date=${h.date} /></td>
        <td><${ArticleLink} id=${h.articleId} title=${h.title} /></td>
        <td>${h.type ? html`<${EventBadge} type=${h.type} small />` : '–'}</td>
        <td><${ActorLink} name=${h.actor} /></td>
        <td>${h.intensity !== null && h.intensity !== undefined ? html`<${Intensity} value=${h.intensity} />` : '–'}</td>
        <td class="nowrap muted">${h.matchedAt ? fmtDate(h.matchedAt.slice(0, 10)) : '–'}</td>
      </tr>`)}</tbody>
    </table>
    <${Pager} total=${p.total} limit=${LIMIT} offset=${props.offset} onOffset=${(o: number) => setQuery({ offset: o || null }, { keepOffset: true })} />`
    : html`<${Empty} />`}<//>`;
}

/** `/alerts` and `/alerts/:id`: the rules, one rule's hits and the link to its Atom feed. */
export function AlertsPage(props: { id: string | null; query: URLSearchParams }): VNode {
  const rules = useApi<AlertRule[]>('/api/alerts/rules');
  const offset = Math.max(0, Number(props.query.get('offset') ?? 0) || 0);
  return html`<div class="page alerts">
    <${Loaded} load=${rules}>${(list: AlertRule[]) => {
      const rule = props.id === null ? null : list.find((r) => String(r.id) === props.id) ?? null;
      const feed = props.id === null ? null : `/alerts/${encodeURIComponent(props.id)}.atom`;
      return html`
        <${PageHeader} kicker=${rule ? t('alertsTitle') : null} title=${rule ? rule.name : t('alertsTitle')} lead=${rule ? null : t('alertsLead')}
          tools=${feed ? html`<a class="btn feed" href=${feed} data-native="" type="application/atom+xml"><span class="feed-icon" aria-hidden="true"></span>${t('atomFeed')}</a>` : null} />
        <div class=${props.id === null ? 'stack' : 'with-sidebar'}>
          ${props.id === null ? null : html`<aside class="panel compact"><h2>${t('rules')}</h2><${RuleList} rules=${list} current=${props.id} /></aside>`}
          <div class="stack">
            ${props.id === null ? null : rule ? html`<${Panel} class="compact"><${RuleSummary} rule=${rule} /><//>` : html`<div class="state error">${t('ruleNotFound')}</div>`}
            ${props.id === null ? null : html`<${Panel} title=${t('hits')}><${Hits} id=${props.id} offset=${offset} /><//>`}
            ${props.id === null && !list.length ? html`<${Panel}><${Empty}>${t('noRules')}<//><//>` : null}
            ${props.id === null && list.length ? html`<${Panel} title=${t('rules')} help=${t('rulesLead')}>
              <table class="table"><thead><tr><th>${t('title')}</th><th>${t('conditions')}</th><th>${t('atomFeed')}</th></tr></thead>
              <tbody>${list.map((r) => html`<tr>
                <td><a href=${'/alerts/' + encodeURIComponent(String(r.id))}><strong>${r.name}</strong></a></td>
                <td><${RuleSummary} rule=${r} /></td>
                <td><a href=${`/alerts/${encodeURIComponent(String(r.id))}.atom`} data-native="" class="feed-link"><span class="feed-icon" aria-hidden="true"></span>Atom</a></td>
              </tr>`)}</tbody></table>
            <//>` : null}
          </div>
        </div>`;
    }}<//>
  </div>`;
}
