import type { Article } from '../read/article.js';
import type { ReadResult } from '../read/read-result.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';
import { commitPrepared, prepareArticle, type IngestOutcome } from './ingest-one.js';

/** One input that could not be read, analysed or stored, with its place and reason. */
export interface IngestFailure { file: string; line?: number; record?: number; reason: string }

/** Counts of one ingest run; `failed` lists every failure. */
export interface IngestSummary {
  read: number;
  new: number;
  duplicates: number;
  nearDuplicates: number;
  failed: IngestFailure[];
}

export interface IngestOptions {
  /** Called after every input with the running counts (do not keep the object). */
  onProgress?: (summary: Readonly<IngestSummary>) => void;
  /** Inputs prepared (hashed and analysed) before they are committed in order; default 16. Bounds memory. */
  batch?: number;
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

/**
 * Reads, deduplicates, analyses and stores articles as they stream in: exact copies (same content hash or id)
 * are counted and skipped, near copies are stored linked to the first article of their story. Each article is
 * saved in its own store transaction, so an interrupted run leaves a consistent store and a rerun completes it.
 */
export async function ingestArticles(
  store: Store, pipeline: Pipeline, source: AsyncIterable<ReadResult>, options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  const batchSize = Math.max(1, options.batch ?? 16);
  let pending: ReadResult[] = [];
  const flush = async (): Promise<void> => {
    const prepared = [];
    for (const item of pending) prepared.push(item.ok ? await prepareArticle(store, pipeline, item.article) : null);
    for (let i = 0; i < pending.length; i++) {
      const item = pending[i];
      const outcome = item.ok ? await commitPrepared(store, pipeline, prepared[i]!) : readFailure(item.error);
      countOutcome(summary, outcome);
      options.onProgress?.(summary);
    }
    pending = [];
  };
  for await (const item of source) {
    pending.push(item);
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}

function readFailure(error: { file?: string; line?: number; describe(): string; message: string }): IngestOutcome {
  return { kind: 'failed', failure: { file: error.file ?? '-', ...(error.line ? { line: error.line } : {}), reason: error.message } };
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
