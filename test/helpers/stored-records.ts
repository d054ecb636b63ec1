import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, ClaimRecord, EntityType, EventRecord, QuoteRecord, Span } from '../../src/pipeline/analysis.js';
import { contentHash, nearDuplicateBands, simhash } from '../../src/read/index.js';
import { openStore, type SaveArticleInput, type Store } from '../../src/store/store.js';

/** A hand-built article and analysis; spans are given as the words they cover. */
export interface RecordSpec {
  id: string;
  date: string | null;
  lang: string;
  title: string;
  text: string;
  relevant?: boolean;
  entities?: [EntityType, string, string | null, string[]][];
  events?: (Omit<EventRecord, 'evidence' | 'intensity'> & { intensity?: number; evidence: string })[];
  quotes?: (Omit<QuoteRecord, 'span' | 'direct' | 'text'> & { direct?: boolean; text: string })[];
  claims?: (Omit<ClaimRecord, 'evidence' | 'approx' | 'source'> & { approx?: boolean; source?: string | null; evidence: string })[];
  nearDuplicateOf?: string;
}

/** The span of the first occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" is not in "${text.slice(0, 40)}…"`);
  return { start, end: start + needle.length, text: needle };
}

/** The analysis record a spec describes. */
export function analysisOf(s: RecordSpec): Analysis {
  return {
    id: s.id, date: s.date, lang: s.lang, relevant: s.relevant ?? true, title: s.title,
    entities: (s.entities ?? []).map(([type, name, id, words]) => ({
      type, name, ...(id ? { id } : {}), mentions: words.map((w) => ({ ...spanOf(s.text, w), rule: 'test.entity' })),
    })),
    quotes: (s.quotes ?? []).map((q) => ({ ...q, direct: q.direct ?? true, span: spanOf(s.text, q.text), rule: 'test.quote' })),
    events: (s.events ?? []).map((e) => ({ ...e, intensity: e.intensity ?? 5, evidence: spanOf(s.text, e.evidence), rule: 'test.event' })),
    claims: (s.claims ?? []).map((c) => ({ ...c, approx: c.approx ?? false, source: c.source ?? null, evidence: spanOf(s.text, c.evidence), rule: 'test.claim' })),
  };
}

/** The save input of a spec, fingerprinted like the ingest does. */
export function saveInputOf(s: RecordSpec): SaveArticleInput {
  const hash = simhash(s.text);
  return {
    article: { id: s.id, date: s.date, text: s.text, title: s.title, lang: s.lang, url: `https://example.test/${s.id}` },
    analysis: analysisOf(s),
    contentHash: contentHash(s.text),
    simhash: hash,
    bands: nearDuplicateBands(hash),
    nearDuplicateOf: s.nearDuplicateOf ?? null,
    pipelineVersion: 'test', codebookVersion: 'test',
  };
}

/** A fresh SQLite store in a temp folder holding the given records. */
export async function storeWith(specs: RecordSpec[]): Promise<{ store: Store; file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'geiger-analytics-')), 'test.db');
  const store = await openStore({ db: file, url: undefined });
  for (const s of specs) {
    const result = await store.saveArticle(saveInputOf(s));
    if (result !== 'new') throw new Error(`fixture ${s.id}: ${result}`);
  }
  return { store, file };
}
