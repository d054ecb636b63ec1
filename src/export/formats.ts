import type { Codebook } from '../codebook/load.js';
import type { ArticleSummary, StoredArticle, StoredEvent } from '../store/store.js';
import { csvRow } from './csv.js';
import { gdeltRow, type GdeltArticle } from './gdelt.js';

/** Columns of the events CSV. */
export const EVENT_CSV_COLUMNS = [
  'article_id', 'date', 'lang', 'title', 'type', 'actor', 'actor_id', 'target', 'target_id', 'weapon', 'intensity',
  'negated', 'hypothetical', 'treaty', 'action', 'when', 'evidence', 'evidence_start', 'evidence_end', 'rule',
];

/** One event as a CSV record. */
export function eventCsv(e: StoredEvent): string {
  return csvRow([
    e.articleId, e.date, e.lang, e.title, e.type, e.actor, e.actorId, e.target, e.targetId, e.weapon, e.intensity,
    e.negated, e.hypothetical, e.treaty, e.action, e.when, e.evidence.text, e.evidence.start, e.evidence.end, e.rule,
  ]);
}

/** Columns of the articles CSV. */
export const ARTICLE_CSV_COLUMNS = ['id', 'date', 'lang', 'title', 'url', 'relevant', 'near_duplicate_of', 'events', 'max_intensity'];

/** One article summary as a CSV record. */
export function articleCsv(a: ArticleSummary): string {
  return csvRow([a.id, a.date, a.lang, a.title, a.url, a.relevant, a.nearDuplicateOf, a.eventCount, a.maxIntensity]);
}

const PARAGRAPH = /\n\s*\n/g;

/** Offset where the lead ends: the first paragraph of at least 120 characters (a title line alone is not a lead). */
export function leadEnd(body: string): number {
  let start = 0;
  for (const m of body.matchAll(PARAGRAPH)) {
    if (m.index - start >= 120) return m.index;
    start = m.index + m[0].length;
  }
  return body.length;
}

function host(url: string | null | undefined): string | null {
  if (!url) return null;
  try { return new URL(url).host; } catch { return null; }
}

/** The article facts a GDELT row needs. */
export function gdeltArticle(stored: StoredArticle): GdeltArticle {
  const hosts = new Set([stored.article.url, ...stored.nearCopies.map((c) => c.url)].map(host).filter((h) => h !== null));
  return {
    url: stored.article.url ?? null,
    savedAt: stored.savedAt,
    leadEnd: leadEnd(stored.article.text),
    articles: 1 + stored.nearCopies.length,
    sources: Math.max(1, hosts.size),
  };
}

/** One event as a tab-separated GDELT 2.0 event line. */
export function eventGdelt(codebook: Codebook, e: StoredEvent, stored: StoredArticle): string {
  return gdeltRow(codebook, e, gdeltArticle(stored)).join('\t');
}
