import type { ComponentChildren, VNode } from 'preact';
import { html } from 'htm/preact';
import type { Load } from './use-api.js';
import { eventLabel, fmtDate, langName, num, t } from '../i18n.js';
import { safeHref, hostOf } from '../safe-url.js';
import { href } from '../router.js';
import { segment } from '../segments.js';

/** Page title block with a lead sentence and optional tools on the right. */
export function PageHeader(props: { title: ComponentChildren; lead?: ComponentChildren; kicker?: ComponentChildren; tools?: ComponentChildren }): VNode {
  return html`<header class="page-header">
    <div class="page-header-text">
      ${props.kicker ? html`<div class="kicker">${props.kicker}</div>` : null}
      <h1>${props.title}</h1>
      ${props.lead ? html`<p class="lead">${props.lead}</p>` : null}
    </div>
    ${props.tools ? html`<div class="page-tools">${props.tools}</div>` : null}
  </header>`;
}

/** A titled panel. */
export function Panel(props: { title?: ComponentChildren; help?: ComponentChildren; tools?: ComponentChildren; class?: string; id?: string; children?: ComponentChildren }): VNode {
  return html`<section class=${'panel ' + (props.class ?? '')} id=${props.id}>
    ${props.title || props.tools ? html`<div class="panel-head">
      <div><h2>${props.title}</h2>${props.help ? html`<p class="help">${props.help}</p>` : null}</div>
      ${props.tools ? html`<div class="panel-tools">${props.tools}</div>` : null}
    </div>` : null}
    ${props.children}
  </section>`;
}

/** Renders the body when loaded, else a loading line or an error box. */
export function Loaded<T>(props: { load: Load<T>; children: (data: T) => ComponentChildren }): VNode {
  const { load } = props;
  if (load.status === 'loading') return html`<div class="state loading" role="status"><span class="spinner"></span>${t('loading')}</div>`;
  if (load.status === 'error') {
    return html`<div class="state error" role="alert"><strong>${t('error')}</strong><span>${load.error.message}</span></div>`;
  }
  return html`${props.children(load.data)}`;
}

/** A quiet message for an empty list. */
export function Empty(props: { children?: ComponentChildren }): VNode {
  return html`<p class="empty">${props.children ?? t('empty')}</p>`;
}

/** An event type badge in the type's colour. */
export function EventBadge(props: { type: string; small?: boolean }): VNode {
  return html`<span class=${`badge ev-${props.type}${props.small ? ' small' : ''}`} title=${props.type}>${eventLabel(props.type)}</span>`;
}

/** Intensity 0–10 as a small meter. */
export function Intensity(props: { value: number | null | undefined }): VNode {
  const v = props.value ?? 0;
  const level = v >= 8 ? 'high' : v >= 5 ? 'mid' : 'low';
  return html`<span class=${'intensity ' + level} title=${`${t('intensity')} ${v}/10`}>
    <span class="intensity-bar"><span class=${'fill w' + Math.round(Math.max(0, Math.min(10, v)))}></span></span>
    <span class="intensity-num">${props.value ?? '–'}</span>
  </span>`;
}

/** A two-letter language tag. */
export function LangTag(props: { lang: string | null | undefined }): VNode | null {
  if (!props.lang) return null;
  return html`<span class="lang-tag" title=${langName(props.lang)}>${props.lang}</span>`;
}

/** A date in the interface language. */
export function DateText(props: { date: string | null | undefined }): VNode {
  return html`<time class="date" datetime=${props.date ?? undefined}>${fmtDate(props.date)}</time>`;
}

/** A readable label for an article without a title: its id without the language and date prefix. */
export function displayTitle(title: string | null | undefined, id: string): string {
  if (title && title.trim()) return title.trim();
  const words = id.replace(/^[a-z]{2}-\d{4}(-\d{2}){0,2}-/, '').replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}

/** A link to an article page, labelled with its title. */
export function ArticleLink(props: { id: string; title: string | null | undefined }): VNode {
  return html`<a class="article-link" href=${href('/article/' + encodeURIComponent(props.id))} title=${props.id}>${displayTitle(props.title, props.id)}</a>`;
}

/** A link to an actor page. */
export function ActorLink(props: { name: string | null | undefined; quiet?: boolean }): VNode {
  if (!props.name) return props.quiet ? html`<span class="muted">–</span>` : html`<span class="muted unnamed">${t('unknownActor')}</span>`;
  return html`<a class="actor-link" href=${'/actor/' + encodeURIComponent(props.name)}>${props.name}</a>`;
}

/** An outbound link, only for http(s) URLs; anything else is shown as inert text. */
export function ExternalLink(props: { url: string | null | undefined; children?: ComponentChildren }): VNode | null {
  const safe = safeHref(props.url);
  if (!safe) return props.url ? html`<span class="muted">${props.url}</span>` : null;
  return html`<a class="external" href=${safe} target="_blank" rel="noopener noreferrer nofollow" data-native="">${props.children ?? hostOf(safe)}<span class="ext-icon" aria-hidden="true">↗</span></a>`;
}

/** Text with some ranges wrapped in <mark> (built from text slices, never as markup). */
export function Highlighted(props: { text: string; ranges: { start: number; end: number }[] }): VNode {
  const parts = segment(props.text, props.ranges.map((r) => ({ ...r, item: true })));
  return html`<span class="snippet">${parts.map((p) => (p.items.length ? html`<mark>${p.text}</mark>` : p.text))}</span>`;
}

/** Horizontal bars for a small ranked list. */
export function BarList(props: { rows: { label: ComponentChildren; value: number; key: string; hint?: string; color?: string }[]; unit?: string }): VNode {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  return html`<ul class="bar-list">
    ${props.rows.map((r) => html`<li key=${r.key} title=${r.hint}>
      <span class="bar-label">${r.label}</span>
      <span class="bar-track"><span class="bar-fill" style=${{ width: `${(100 * r.value) / max}%`, ...(r.color ? { background: r.color } : {}) }}></span></span>
      <span class="bar-value">${num(r.value)}${props.unit ? ' ' + props.unit : ''}</span>
    </li>`)}
  </ul>`;
}

/** Previous / next paging that writes `offset` to the URL. */
export function Pager(props: { total: number; limit: number; offset: number; onOffset: (offset: number) => void }): VNode | null {
  const { total, limit, offset } = props;
  if (total <= limit && offset === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return html`<nav class="pager" aria-label="paging">
    <button type="button" class="btn" disabled=${offset <= 0} onClick=${() => props.onOffset(Math.max(0, offset - limit))}>← ${t('prev')}</button>
    <span class="pager-info">${num(page)} ${t('pageOf')} ${num(pages)} · ${num(total)} ${t('results')}</span>
    <button type="button" class="btn" disabled=${offset + limit >= total} onClick=${() => props.onOffset(offset + limit)}>${t('next')} →</button>
  </nav>`;
}

/** A single figure with its label. */
export function Stat(props: { label: ComponentChildren; value: ComponentChildren; sub?: ComponentChildren }): VNode {
  return html`<div class="stat"><div class="stat-value">${props.value}</div><div class="stat-label">${props.label}</div>${props.sub ? html`<div class="stat-sub">${props.sub}</div>` : null}</div>`;
}
