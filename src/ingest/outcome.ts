import type { Article } from '../read/article.js';

/** One input that could not be read, analysed or stored, with its place and reason. */
export interface IngestFailure { file: string; line?: number; record?: number; reason: string }

/** What became of one article: stored as new, stored as a near copy of `of`, skipped as an exact copy, or failed. */
export type IngestOutcome =
  | { kind: 'new'; id: string }
  | { kind: 'near'; id: string; of: string }
  | { kind: 'duplicate'; id: string; of: string | null }
  | { kind: 'failed'; failure: IngestFailure };

/** Counts of one ingest run; `failed` lists every failure. */
export interface IngestSummary {
  read: number;
  new: number;
  duplicates: number;
  nearDuplicates: number;
  failed: IngestFailure[];
}

/** An empty summary. */
export function emptySummary(): IngestSummary {
  return { read: 0, new: 0, duplicates: 0, nearDuplicates: 0, failed: [] };
}

/** Adds one outcome to a summary. */
export function countOutcome(summary: IngestSummary, outcome: IngestOutcome): void {
  summary.read++;
  if (outcome.kind === 'new') summary.new++;
  else if (outcome.kind === 'near') summary.nearDuplicates++;
  else if (outcome.kind === 'duplicate') summary.duplicates++;
  else summary.failed.push(outcome.failure);
}

/** The failure entry for an article, naming its file and line or record. */
export function failureFor(article: Article, reason: string): IngestFailure {
  const origin = article.origin;
  return {
    file: origin?.file ?? article.id,
    ...(origin?.line ? { line: origin.line } : {}),
    ...(origin?.record ? { record: origin.record } : {}),
    reason,
  };
}
