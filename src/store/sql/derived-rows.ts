import type { Analysis, EntityRecord } from '../../pipeline/analysis.js';
import type { Article } from '../../read/article.js';
import type { SaveArticleInput, Versions } from '../store.js';
import { indexText } from '../search/text-index.js';

/** One table's rows to insert: column names and value tuples in the same order. */
export interface TableRows { table: string; columns: string[]; rows: unknown[][] }

/** The article row and its full-text copy, ready to insert. */
export interface ArticleRow {
  id: string;
  contentHash: string;
  simhash: string;
  date: string | null;
  lang: string | null;
  title: string | null;
  url: string | null;
  body: string;
  origin: string | null;
  duplicateOf: string | null;
  nearDuplicateOf: string | null;
  relevant: boolean;
  relevance: number | null;
  savedAt: string;
}

/** Stemmed, folded copies of title and body, the form both full-text indexes hold. */
export interface SearchText { title: string; body: string }

const nameIds = (entities: EntityRecord[]): Map<string, string> => {
  const ids = new Map<string, string>();
  for (const e of entities) if (e.id && !ids.has(e.name)) ids.set(e.name, e.id);
  return ids;
};

/** The article row of a save. */
export function articleRow(input: SaveArticleInput, savedAt: string): ArticleRow {
  const { article, analysis } = input;
  return {
    id: article.id,
    contentHash: input.contentHash,
    simhash: input.simhash,
    date: article.date ?? analysis.date ?? null,
    lang: analysis.lang || article.lang || null,
    title: article.title ?? analysis.title ?? null,
    url: article.url ?? analysis.url ?? null,
    body: article.text,
    origin: article.origin ? JSON.stringify(article.origin) : null,
    duplicateOf: input.duplicateOf ?? null,
    nearDuplicateOf: input.nearDuplicateOf ?? null,
    relevant: analysis.relevant,
    relevance: analysis.relevance ?? null,
    savedAt,
  };
}

/** The full-text copy of an article to save, with the title and language its article row will have. */
export function searchTextOf(article: Article, analysis: Analysis): SearchText {
  return searchText(article.title ?? analysis.title ?? null, article.text, analysis.lang || article.lang || null);
}

/** The full-text copy of an article in its language. */
export function searchText(title: string | null, body: string, lang: string | null): SearchText {
  return { title: indexText(title ?? '', lang), body: indexText(body, lang) };
}

/** The band rows of a save (each band is labelled with its position, nearDuplicateBands). */
export function bandRows(id: string, bands: string[]): TableRows {
  return { table: 'simhash_bands', columns: ['article_id', 'band'], rows: [...new Set(bands)].map((b) => [id, b]) };
}

/** The stored record of an analysis: the analysis with the versions that made it, as JSON. */
export function analysisRecordJson(analysis: Analysis, versions: Versions): string {
  return JSON.stringify({ ...analysis, version: { pipeline: versions.pipelineVersion, codebook: versions.codebookVersion } });
}

/** The analysis row: the whole record as JSON (`recordJson` when already made) plus the versions that made it. */
export function analysisRow(id: string, analysis: Analysis, versions: Versions, at: string, recordJson?: string): TableRows {
  return {
    table: 'analyses',
    columns: ['article_id', 'record', 'pipeline_version', 'codebook_version', 'analyzed_at'],
    rows: [[id, recordJson ?? analysisRecordJson(analysis, versions), versions.pipelineVersion, versions.codebookVersion, at]],
  };
}

/** The rows derived from an analysis: entities, quotes, events, claims (names resolved to codebook ids); mention offsets stay in the record. */
export function derivedRows(id: string, analysis: Analysis): TableRows[] {
  const ids = nameIds(analysis.entities);
  const idOf = (name: string | null): string | null => (name === null ? null : ids.get(name) ?? null);
  return [
    {
      table: 'entities',
      columns: ['article_id', 'ord', 'type', 'name', 'codebook_id', 'mention_count'],
      rows: analysis.entities.map((e, i) => [id, i, e.type, e.name, e.id ?? null, e.mentions.length]),
    },
    {
      table: 'quotes',
      columns: ['article_id', 'ord', 'speaker', 'speaker_id', 'text', 'direct', 'start_offset', 'end_offset', 'span_text', 'rule'],
      rows: analysis.quotes.map((q, i) => [
        id, i, q.speaker, q.speakerId ?? idOf(q.speaker), q.text, q.direct, q.span.start, q.span.end, q.span.text, q.rule ?? null,
      ]),
    },
    {
      table: 'events',
      columns: [
        'article_id', 'ord', 'type', 'actor', 'actor_id', 'target', 'target_id', 'weapon', 'intensity', 'negated',
        'hypothetical', 'treaty', 'action', 'when_date', 'evidence_start', 'evidence_end', 'evidence_text',
        'cue_start', 'cue_end', 'cue_text', 'rule',
      ],
      rows: analysis.events.map((e, i) => [
        id, i, e.type, e.actor, idOf(e.actor), e.target, idOf(e.target), e.weapon, e.intensity, e.negated ?? false,
        e.hypothetical ?? false, e.treaty ?? null, e.action ?? null, e.when ?? null, e.evidence.start, e.evidence.end,
        e.evidence.text, e.cue?.start ?? null, e.cue?.end ?? null, e.cue?.text ?? null, e.rule ?? null,
      ]),
    },
    {
      table: 'claims',
      columns: [
        'article_id', 'ord', 'holder', 'holder_id', 'quantity', 'approx', 'item', 'source', 'evidence_start',
        'evidence_end', 'evidence_text', 'rule',
      ],
      rows: analysis.claims.map((c, i) => [
        id, i, c.holder, idOf(c.holder), c.quantity, c.approx, c.item, c.source, c.evidence.start, c.evidence.end,
        c.evidence.text, c.rule ?? null,
      ]),
    },
  ];
}

/** Tables holding rows derived from an analysis, children first. */
export const DERIVED_TABLES = ['entities', 'quotes', 'events', 'claims'] as const;
