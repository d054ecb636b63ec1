import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { queryString, type ClaimsResponse } from '../api.js';
import { ActorLink, ArticleLink, DateText, Empty, Loaded, PageHeader, Panel } from '../components/common.js';
import { FilterForm } from '../components/filters.js';
import { useApi } from '../components/use-api.js';
import { fmtDate, num, t } from '../i18n.js';

const ITEMS = [
  'nuclear warheads', 'nonstrategic nuclear weapons', 'strategic nuclear weapons', 'deployed launchers', 'ICBMs', 'SLBMs',
  'strategic bombers', 'submarines', 'nuclear-capable aircraft', 'missiles', 'other',
];
const HOLDER_COLORS = ['#b8433f', '#2f6f9f', '#d9822b', '#3f8f6b', '#8a5a9e', '#687789', '#4aa3b8', '#7a5230'];
const KNOWN: Record<string, string> = { Russia: '#b8433f', 'United States': '#2f6f9f', China: '#d9822b', NATO: '#4aa3b8', France: '#3f8f6b', 'United Kingdom': '#8a5a9e' };

function holderColor(holder: string | null, order: string[]): string {
  if (!holder) return '#9aa5b1';
  return KNOWN[holder] ?? HOLDER_COLORS[Math.max(0, order.indexOf(holder)) % HOLDER_COLORS.length];
}

function Holder(props: { name: string | null }): VNode {
  return props.name ? html`<${ActorLink} name=${props.name} />` : html`<span class="muted">${t('worldTotal')}</span>`;
}

function Entries(props: { entries: ClaimsResponse['entries'] }): VNode {
  const [all, setAll] = useState(false);
  if (!props.entries.length) return html`<${Empty} />`;
  const shown = all ? props.entries : props.entries.slice(0, 15);
  return html`<table class="table">
      <thead><tr><th>${t('date')}</th><th>${t('holderTitle')}</th><th>${t('item')}</th><th class="num">${t('estimate')}</th><th>${t('source')}</th><th>${t('title')}</th></tr></thead>
      <tbody>${shown.map((e) => html`<tr>
        <td class="nowrap"><${DateText} date=${e.date} /></td><td><${Holder} name=${e.holder} /></td><td>${e.item}</td>
        <td class="num">${e.approx ? '≈ ' : ''}${num(e.quantity)}</td><td>${e.source ?? '–'}</td><td><${ArticleLink} id=${e.articleId} title=${e.title} /></td>
      </tr>`)}</tbody>
    </table>
    ${props.entries.length > 15 ? html`<button type="button" class="btn ghost more-btn" onClick=${() => setAll(!all)}>${all ? t('showFewer') : `${t('showAll')} (${num(props.entries.length)})`}</button>` : null}`;
}

function Balance(props: { balance: ClaimsResponse['balance'] }): VNode {
  const rows = props.balance.filter((b) => b.holders.length);
  if (!rows.length) return html`<${Empty} />`;
  const order = [...new Set(rows.flatMap((b) => b.holders.map((h) => h.holder ?? '')))].filter(Boolean);
  return html`<div class="balance">
    ${rows.map((b) => {
      const max = Math.max(1, ...b.holders.map((h) => h.quantity));
      return html`<div class="balance-item">
        <h3>${b.item}</h3>
        <ul class="balance-bars">
          ${[...b.holders].sort((x, y) => y.quantity - x.quantity).map((h) => html`<li>
            <span class="bar-label"><${Holder} name=${h.holder} /></span>
            <span class="bar-track"><span class="bar-fill" style=${{ width: `${(100 * h.quantity) / max}%`, background: holderColor(h.holder, order) }}></span></span>
            <span class="bar-value">${h.approx ? '≈ ' : ''}${num(h.quantity)}</span>
            <span class="bar-date"><a href=${'/article/' + encodeURIComponent(h.articleId)}>${fmtDate(h.date)}</a></span>
          </li>`)}
        </ul>
      </div>`;
    })}
  </div>`;
}

function Ledger(props: { groups: ClaimsResponse['groups'] }): VNode {
  if (!props.groups.length) return html`<${Empty} />`;
  return html`<div class="ledger">
    ${props.groups.map((g) => html`<div class=${'ledger-group' + (g.conflict ? ' conflict' : '')}>
      <div class="ledger-head">
        <h3><${Holder} name=${g.holder} /> <span class="muted">·</span> ${g.item}</h3>
        ${g.conflict ? html`<span class="tag tag-warn" title=${t('conflict')}>⚠ ${t('conflict')}</span>` : null}
      </div>
      <ol class="estimates">
        ${[...g.estimates].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).map((e) => html`<li>
          <span class="est-date"><${DateText} date=${e.date} /></span>
          <span class="est-num">${e.approx ? '≈ ' : ''}${num(e.quantity)}</span>
          <span class="est-source">${e.source ? html`${t('source')}: ${e.source} · ` : null}<${ArticleLink} id=${e.articleId} title=${e.title} /></span>
        </li>`)}
      </ol>
    </div>`)}
  </div>`;
}

/** `/claims`: balance of latest estimates per item, the ledger per holder and item, conflicts flagged. */
export function ClaimsPage(props: { query: URLSearchParams }): VNode {
  const q = props.query;
  const load = useApi<ClaimsResponse>('/api/claims' + queryString({ holder: q.get('holder'), item: q.get('item'), from: q.get('from'), to: q.get('to') }));
  return html`<div class="page claims">
    <${PageHeader} title=${t('claimsTitle')} lead=${t('claimsLead')} />
    <${FilterForm} fields=${['holder', 'item', 'from', 'to']} query=${q} items=${ITEMS} />
    <${Loaded} load=${load}>${(c: ClaimsResponse) => html`
      <${Panel} title=${t('balance')} help=${t('balanceHelp')} id="balance"><${Balance} balance=${c.balance} /><//>
      <${Panel} title=${t('ledger')} id="ledger"><${Ledger} groups=${c.groups} /><//>
      <${Panel} title=${html`${t('allEntries')} <span class="count">${c.entries.length}</span>`}>
        <${Entries} entries=${c.entries} />
      <//>`}<//>
  </div>`;
}
