import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { EVENT_TYPES } from '../api.js';
import { eventLabel, langName, t, type MessageKey } from '../i18n.js';
import { setQuery } from '../router.js';

/** Which filter fields a form shows. */
export type FilterField = 'from' | 'to' | 'lang' | 'actor' | 'type' | 'minIntensity' | 'speaker' | 'direct' | 'holder' | 'item';

const LANGS = ['en', 'nl', 'de', 'fr', 'ru', 'uk'];

function field(name: FilterField, query: URLSearchParams, options: { items?: string[]; langs?: string[] }): VNode {
  const value = query.get(name) ?? '';
  const label = (key: MessageKey) => html`<span class="field-label">${t(key)}</span>`;
  switch (name) {
    case 'from':
    case 'to':
      return html`<label class="field narrow">${label(name === 'from' ? 'from' : 'until')}
        <input name=${name} value=${value} placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" inputmode="numeric" /></label>`;
    case 'lang':
      return html`<label class="field narrow">${label('language')}
        <select name="lang" value=${value}>
          <option value="">${t('any')}</option>
          ${[...new Set([...(options.langs ?? []), ...LANGS])].map((l) => html`<option value=${l} selected=${l === value}>${langName(l)}</option>`)}
        </select></label>`;
    case 'type':
      return html`<label class="field">${label('eventType')}
        <select name="type" value=${value}>
          <option value="">${t('any')}</option>
          ${EVENT_TYPES.map((ty) => html`<option value=${ty} selected=${ty === value}>${eventLabel(ty)}</option>`)}
        </select></label>`;
    case 'minIntensity':
      return html`<label class="field narrow">${label('minIntensity')}
        <select name="minIntensity" value=${value}>
          <option value="">${t('any')}</option>
          ${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => html`<option value=${n} selected=${String(n) === value}>≥ ${n}</option>`)}
        </select></label>`;
    case 'direct':
      return html`<label class="field narrow">${label('quote')}
        <select name="direct" value=${value}>
          <option value="">${t('all')}</option>
          <option value="true" selected=${value === 'true'}>${t('directOnly')}</option>
          <option value="false" selected=${value === 'false'}>${t('indirectOnly')}</option>
        </select></label>`;
    case 'item':
      return html`<label class="field">${label('item')}
        <select name="item" value=${value}>
          <option value="">${t('any')}</option>
          ${(options.items ?? []).map((it) => html`<option value=${it} selected=${it === value}>${it}</option>`)}
        </select></label>`;
    default: {
      const key: MessageKey = name === 'speaker' ? 'speaker' : name === 'holder' ? 'holderTitle' : 'actor';
      return html`<label class="field">${label(key)}<input name=${name} value=${value} placeholder=${name === 'holder' ? 'Russia, United States…' : 'Putin, Poetin, NATO…'} /></label>`;
    }
  }
}

/** A filter form whose values live in the URL query (submitting writes them there). */
export function FilterForm(props: { fields: FilterField[]; query: URLSearchParams; items?: string[]; langs?: string[] }): VNode {
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const changes: Record<string, string | null> = {};
    for (const name of props.fields) changes[name] = String(form.get(name) ?? '').trim() || null;
    setQuery(changes);
  };
  const reset = () => {
    const changes: Record<string, null> = {};
    for (const name of props.fields) changes[name] = null;
    setQuery(changes);
  };
  const active = props.fields.some((f) => props.query.get(f));
  return html`<form class="filters" key=${props.query.toString()} onSubmit=${submit}>
    ${props.fields.map((f) => field(f, props.query, { items: props.items, langs: props.langs }))}
    <div class="filter-actions">
      <button type="submit" class="btn primary">${t('apply')}</button>
      ${active ? html`<button type="button" class="btn ghost" onClick=${reset}>${t('resetFilters')}</button>` : null}
    </div>
  </form>`;
}
