import type { AlertHit, WatchRule } from '../store/store.js';

const XML_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(XML_SPECIAL, (c) => ENTITIES[c]);
}

function describeHit(hit: AlertHit): string {
  const parts: string[] = [];
  if (hit.type) parts.push(hit.actor ? `${hit.type} by ${hit.actor}` : hit.type);
  else if (hit.actor) parts.push(`mentions ${hit.actor}`);
  if (hit.intensity !== null) parts.push(`intensity ${hit.intensity}`);
  if (hit.date) parts.push(`dated ${hit.date}`);
  parts.push(`article ${hit.articleId}`);
  return parts.join(', ');
}

/** The Atom feed (RFC 4287) of a rule's hits; `base` is the server origin the links point to. */
export function renderAtomFeed(rule: WatchRule, hits: AlertHit[], base: string): string {
  const updated = hits.reduce((latest, h) => (h.matchedAt > latest ? h.matchedAt : latest), rule.created);
  const feedId = `urn:geiger:watch-rule:${encodeURIComponent(rule.id)}`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feedId)}</id>`,
    `  <title>${escapeXml(`Geiger alert: ${rule.name}`)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/alerts/${encodeURIComponent(rule.id)}.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/alerts/${encodeURIComponent(rule.id)}`)}"/>`,
    '  <author><name>Geiger</name></author>',
    '  <generator>Geiger</generator>',
  ];
  for (const hit of hits) {
    const entryId = `${feedId}:${encodeURIComponent(hit.articleId)}:${hit.eventIndex ?? 'article'}`;
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entryId)}</id>`,
      `    <title>${escapeXml(hit.title ?? hit.articleId)}</title>`,
      `    <updated>${escapeXml(hit.matchedAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(`${base}/article/${encodeURIComponent(hit.articleId)}`)}"/>`,
      `    <summary>${escapeXml(describeHit(hit))}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
