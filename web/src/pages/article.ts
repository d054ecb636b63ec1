import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { ArticleDetail, EntityType } from '../api.js';
import { ArticleLink, DateText, displayTitle, Empty, EventBadge, ExternalLink, Intensity, LangTag, Loaded, Panel } from '../components/common.js';
import { useApi } from '../components/use-api.js';
import { entityLabel, eventLabel, langName, num, t } from '../i18n.js';
import { segment, type Segment } from '../segments.js';
import { analysisMarks, entityGroup, type MarkItem } from './article-marks.js';

/** The article's title, else its first line when that reads like a headline, else a label from the id. */
function headline(title: string | null, text: string, id: string): string {
  if (title && title.trim()) return title.trim();
  const first = text.trim().split('\n', 1)[0]?.trim() ?? '';
  return first && first.length <= 180 ? first : displayTitle(null, id);
}

interface Tip { items: MarkItem[]; x: number; y: number }

function describe(item: MarkItem): { kind: string; label: string; detail: string } {
  switch (item.kind) {
    case 'entity': return { kind: `${t('entity')} · ${entityLabel(item.type)}`, label: item.name, detail: '' };
    case 'quote': return { kind: `${t('quote')} · ${item.direct ? t('direct') : t('indirect')}`, label: item.speaker ?? t('unknownSpeaker'), detail: '' };
    case 'event': return {
      kind: `${t('event')} · ${eventLabel(item.type)}`, label: item.actor ?? '–',
      detail: `${item.target ? `${t('target')}: ${item.target} · ` : ''}${t('intensity')} ${item.intensity}`,
    };
    case 'claim': return {
      kind: t('claim'), label: `${item.holder ?? '–'}: ${item.approx ? t('approx') + ' ' : ''}${num(item.quantity)} ${item.item}`,
      detail: item.source ? `${t('source')}: ${item.source}` : '',
    };
  }
}

function segmentClass(seg: Segment<MarkItem>, focus: string | null): string {
  const classes = ['seg'];
  for (const item of seg.items) {
    if (item.kind === 'entity') classes.push('ent', 'ent-' + item.type);
    else if (item.kind === 'quote') classes.push('q', item.direct ? 'q-direct' : 'q-indirect');
    else if (item.kind === 'event') classes.push('evt', 'ev-' + item.type);
    else classes.push('clm');
  }
  if (seg.starts.some((i) => i.kind === 'claim')) classes.push('clm-start');
  if (seg.ends.some((i) => i.kind === 'claim')) classes.push('clm-end');
  if (focus && seg.items.some((i) => i.key === focus || entityGroup(i.key) === focus)) classes.push('focus');
  return [...new Set(classes)].join(' ');
}

function ArticleText(props: { text: string; segments: Segment<MarkItem>[]; focus: string | null; onTip: (tip: Tip | null) => void }): VNode {
  const over = (event: MouseEvent) => {
    const el = (event.target as Element).closest('[data-seg]') as HTMLElement | null;
    if (!el) { props.onTip(null); return; }
    const seg = props.segments[Number(el.dataset.seg)];
    if (!seg || !seg.items.length) { props.onTip(null); return; }
    props.onTip({ items: seg.items, x: event.clientX, y: event.clientY });
  };
  return html`<div class="article-text" onMouseMove=${over} onMouseLeave=${() => props.onTip(null)}>
    ${props.segments.map((seg, i) => {
      if (!seg.items.length) return seg.text;
      const flags = seg.starts.filter((it) => it.kind === 'event');
      return html`<span class=${segmentClass(seg, props.focus)} data-seg=${i} data-start=${seg.start}>${flags.map((f) => f.kind === 'event'
        ? html`<span class=${'ev-flag ev-' + f.type} aria-hidden="true">${eventLabel(f.type)} ${f.intensity}</span>` : null)}${seg.text}</span>`;
    })}
  </div>`;
}

function Tooltip(props: { tip: Tip | null }): VNode | null {
  const tip = props.tip;
  if (!tip) return null;
  const left = Math.min(tip.x + 14, window.innerWidth - 340);
  const top = tip.y + 18 + 200 > window.innerHeight ? tip.y - 18 - 40 * tip.items.length : tip.y + 18;
  return html`<div class="tooltip" role="tooltip" style=${{ left: `${left}px`, top: `${Math.max(8, top)}px` }}>
    ${tip.items.map((item) => {
      const d = describe(item);
      return html`<div class=${'tip-row tip-' + item.kind}>
        <div class="tip-kind">${d.kind}</div>
        <div class="tip-label">${d.label}</div>
        ${d.detail ? html`<div class="tip-detail">${d.detail}</div>` : null}
        <div class="tip-rule">${t('rule')}: <code>${item.rule ?? '–'}</code></div>
      </div>`;
    })}
  </div>`;
}

function Legend(): VNode {
  return html`<div class="legend" aria-label=${t('legend')}>
    <span class="legend-item"><span class="sw sw-event"></span>${t('event')}</span>
    <span class="legend-item"><span class="sw sw-quote"></span>${t('quote')}</span>
    <span class="legend-item"><span class="sw sw-claim"></span>${t('claim')}</span>
    ${(['PERSON', 'ORG', 'LOC', 'WEAPON', 'TREATY'] as EntityType[]).map((ty) => html`<span class="legend-item"><span class=${'sw sw-ent ent-' + ty}></span>${entityLabel(ty)}</span>`)}
  </div>`;
}

function Side(props: { detail: ArticleDetail; focus: string | null; setFocus: (key: string | null) => void }): VNode {
  const a = props.detail.analysis;
  const pick = (key: string) => {
    props.setFocus(props.focus === key ? null : key);
    requestAnimationFrame(() => document.querySelector('.article-text .focus')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  };
  const item = (key: string, body: VNode) => html`<li class=${'side-item' + (props.focus === key ? ' on' : '')}>
    <button type="button" class="side-btn" onClick=${() => pick(key)} aria-pressed=${props.focus === key}>${body}</button></li>`;
  const groups = new Map<string, { name: string; key: string; count: number }[]>();
  a.entities.forEach((e, i) => {
    const list = groups.get(e.type) ?? [];
    list.push({ name: e.name, key: `entity-${i}`, count: e.mentions.length });
    groups.set(e.type, list);
  });
  return html`<aside class="article-side">
    <${Panel} title=${html`${t('events')} <span class="count">${a.events.length}</span>`} class="compact">
      ${a.events.length ? html`<ul class="side-list">${a.events.map((e, i) => item(`event-${i}`, html`
        <div class="side-line"><${EventBadge} type=${e.type} small /><${Intensity} value=${e.intensity} />
          ${e.negated ? html`<span class="tag">${t('negated')}</span>` : null}${e.hypothetical ? html`<span class="tag">${t('hypothetical')}</span>` : null}</div>
        <div class="side-who">${e.actor ?? '–'}${e.target ? html` <span class="arrow">→</span> ${e.target}` : null}${e.weapon ? html` <span class="muted">· ${e.weapon}</span>` : null}</div>
        ${e.treaty ? html`<div class="side-sub">${e.treaty}${e.action ? ` · ${e.action}` : ''}</div>` : null}
        <div class="side-rule"><code>${e.rule ?? ''}</code></div>`))}</ul>` : html`<${Empty} />`}
    <//>
    <${Panel} title=${html`${t('quotes')} <span class="count">${a.quotes.length}</span>`} class="compact">
      ${a.quotes.length ? html`<ul class="side-list">${a.quotes.map((q, i) => item(`quote-${i}`, html`
        <div class="side-line"><strong>${q.speaker ?? t('unknownSpeaker')}</strong><span class="tag">${q.direct ? t('direct') : t('indirect')}</span></div>
        <div class="side-quote">${q.text}</div>`))}</ul>` : html`<${Empty} />`}
    <//>
    <${Panel} title=${html`${t('claims')} <span class="count">${a.claims.length}</span>`} class="compact">
      ${a.claims.length ? html`<ul class="side-list">${a.claims.map((c, i) => item(`claim-${i}`, html`
        <div class="side-line"><strong>${c.holder ?? '–'}</strong><span class="claim-num">${c.approx ? '≈ ' : ''}${num(c.quantity)}</span></div>
        <div class="side-sub">${c.item}${c.source ? html` · ${t('source')}: ${c.source}` : null}</div>`))}</ul>` : html`<${Empty} />`}
    <//>
    <${Panel} title=${html`${t('entities')} <span class="count">${a.entities.length}</span>`} class="compact">
      ${[...groups.entries()].map(([type, list]) => html`<div class="entity-group">
        <h3><span class=${'sw sw-ent ent-' + type}></span>${entityLabel(type)}</h3>
        <div class="chips">${list.map((e) => html`<span class=${'chip ent-chip' + (props.focus === e.key ? ' on' : '')}>
          <button type="button" class="chip-btn" onClick=${() => pick(e.key)}>${e.name} <span class="count">${e.count}</span></button>
          ${type === 'PERSON' || type === 'ORG' || type === 'LOC' ? html`<a class="chip-go" href=${'/actor/' + encodeURIComponent(e.name)} title=${e.name} aria-label=${e.name}>→</a>` : null}
        </span>`)}</div>
      </div>`)}
    <//>
  </aside>`;
}

function ArticleView(props: { detail: ArticleDetail }): VNode {
  const { article, analysis, nearCopies, nearDuplicateOf } = props.detail;
  const [tip, setTip] = useState<Tip | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const segments = useMemo(() => segment(article.text, analysisMarks(analysis)), [article.text, analysis]);
  return html`<div class="page article">
    <header class="page-header article-header">
      <div class="page-header-text">
        <div class="kicker"><${DateText} date=${article.date} /><${LangTag} lang=${article.lang ?? analysis.lang} /><span>${langName(article.lang ?? analysis.lang)}</span>
          <span class=${'tag ' + (analysis.relevant ? 'tag-ok' : 'tag-off')}>${analysis.relevant ? t('relevant') : t('notRelevant')}</span></div>
        <h1>${headline(article.title, article.text, analysis.id)}</h1>
        <div class="article-links">
          ${article.url ? html`<span>${t('original')}: <${ExternalLink} url=${article.url} /></span>` : null}
          ${nearDuplicateOf ? html`<span>${t('copyOf')}: <a href=${'/article/' + encodeURIComponent(nearDuplicateOf)}>${nearDuplicateOf}</a></span>` : null}
        </div>
      </div>
    </header>
    <div class="article-layout">
      <div class="article-main">
        <${Panel} class="reading">
          <${Legend} />
          <${ArticleText} text=${article.text} segments=${segments} focus=${focus} onTip=${setTip} />
        <//>
        ${nearCopies.length ? html`<${Panel} title=${t('nearCopiesOf')} class="compact">
          <ul class="plain-list">${nearCopies.map((c) => html`<li><${DateText} date=${c.date} /> <${ArticleLink} id=${c.id} title=${c.title} />
            ${c.url ? html` <${ExternalLink} url=${c.url} />` : null}</li>`)}</ul>
        <//>` : null}
      </div>
      <${Side} detail=${props.detail} focus=${focus} setFocus=${setFocus} />
    </div>
    <${Tooltip} tip=${tip} />
  </div>`;
}

/** `/article/:id`: the text with entities, quotes, events and claims highlighted, tooltips and the item lists. */
export function ArticlePage(props: { id: string }): VNode {
  const load = useApi<ArticleDetail>('/api/articles/' + encodeURIComponent(props.id));
  return html`<${Loaded} load=${load}>${(d: ArticleDetail) => html`<${ArticleView} detail=${d} />`}<//>`;
}

