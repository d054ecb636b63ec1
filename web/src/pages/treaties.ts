import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { evidenceText, type Treaty } from '../api.js';
import { ActorLink, ArticleLink, DateText, Empty, Loaded, PageHeader } from '../components/common.js';
import { useApi } from '../components/use-api.js';
import { t } from '../i18n.js';

function statusClass(status: string | null): string {
  const s = (status ?? '').toLowerCase();
  if (/suspend|withdraw|violat|de-ratif|stop/.test(s)) return 'status-bad';
  if (/extend|sign|ratif|comply|resume|agree|force/.test(s)) return 'status-ok';
  return 'status-neutral';
}

/** `/treaties`: TREATY events per treaty over time with sources and the latest status. */
export function TreatiesPage(): VNode {
  const load = useApi<Treaty[]>('/api/treaties');
  return html`<div class="page treaties">
    <${PageHeader} title=${t('treatiesTitle')} lead=${t('treatiesLead')} />
    <${Loaded} load=${load}>${(treaties: Treaty[]) => treaties.length ? html`<div class="card-grid">
      ${treaties.map((tr) => html`<section class="panel treaty-card">
        <div class="treaty-head">
          <h2>${tr.treaty || html`<span class="muted">${t('unnamedTreaty')}</span>`}</h2>
          <div class="treaty-status"><span class="field-label">${t('status')}</span>
            <span class=${'status ' + statusClass(tr.status)}>${tr.status ?? t('unknownStatus')}</span></div>
        </div>
        ${tr.byActor && tr.byActor.length > 1 ? html`<div class="by-actor"><span class="field-label">${t('byActor')}</span>
          <ul>${tr.byActor.map((b) => html`<li><${ActorLink} name=${b.actor} /><span class=${'status small ' + statusClass(b.status)}>${b.status ?? t('unknownStatus')}</span></li>`)}</ul></div>` : null}
        <ol class="vtimeline">
          ${[...tr.events].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).map((e) => html`<li>
            <div class="vt-date"><${DateText} date=${e.date} /></div>
            <div class="vt-body">
              <div class="vt-title">${e.action ? html`<span class=${'status small ' + statusClass(e.action)}>${e.action}</span>` : null}<${ActorLink} name=${e.actor} /></div>
              ${evidenceText(e.evidence) ? html`<blockquote class="evidence small">${evidenceText(e.evidence)}</blockquote>` : null}
              <div class="cell-source"><${ArticleLink} id=${e.articleId} title=${e.title} /></div>
            </div>
          </li>`)}
        </ol>
      </section>`)}
    </div>` : html`<${Empty} />`}<//>
  </div>`;
}
