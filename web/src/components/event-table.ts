import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { StoredEvent } from '../api.js';
import { useState } from 'preact/hooks';
import { num, t } from '../i18n.js';
import { ActorLink, ArticleLink, DateText, Empty, EventBadge, Intensity } from './common.js';

/** A compact table of events with their evidence and article. */
export function EventTable(props: { events: StoredEvent[]; show: 'actor' | 'target' | 'both'; limit?: number }): VNode {
  const [all, setAll] = useState(false);
  if (!props.events.length) return html`<${Empty} />`;
  const limit = props.limit ?? 10;
  const ordered = [...props.events].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.intensity - a.intensity);
  const sorted = all ? ordered : ordered.slice(0, limit);
  return html`<table class="table events-table">
    <thead><tr><th>${t('date')}</th><th>${t('type')}</th><th>${props.show === 'target' ? t('actor') : t('target')}</th><th>${t('intensity')}</th><th>${t('event')}</th></tr></thead>
    <tbody>
      ${sorted.map((e) => html`<tr>
        <td class="nowrap"><${DateText} date=${e.date} /></td>
        <td><${EventBadge} type=${e.type} small /></td>
        <td><${ActorLink} name=${props.show === 'target' ? e.actor : e.target} quiet=${props.show !== 'target'} /></td>
        <td><${Intensity} value=${e.intensity} /></td>
        <td><div class="cell-evidence">${e.evidence.text}</div><div class="cell-source"><${ArticleLink} id=${e.articleId} title=${e.title} /></div></td>
      </tr>`)}
    </tbody>
  </table>
  ${ordered.length > limit ? html`<button type="button" class="btn ghost more-btn" onClick=${() => setAll(!all)}>${all ? t('showFewer') : `${t('showAll')} (${num(ordered.length)})`}</button>` : null}`;
}
