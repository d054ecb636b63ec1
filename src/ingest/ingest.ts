import type { GeigerError } from '../errors.js';
import type { Analysis } from '../pipeline/analysis.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import type { ReadResult } from '../read/read-result.js';
import type { Store } from '../store/store.js';
import { commitBatch, prepareArticle, type Prepared } from './ingest-one.js';
import { countOutcome, emptySummary, type IngestOutcome, type IngestSummary } from './outcome.js';

export interface IngestOptions {
  /** Called after every input with the running counts (do not keep the object). */
  onProgress?: (summary: Readonly<IngestSummary>) => void;
  /** Inputs prepared (hashed and analysed), then committed in order in one store transaction; default 64. Bounds memory. */
  batch?: number;
  /** Called after an article is stored as new (not for copies), e.g. to evaluate watch rules. */
  onStored?: (article: Article, analysis: Analysis) => Promise<void>;
}

/**
 * Reads, deduplicates, analyses and stores articles as they stream in: exact copies (same content hash or id)
 * are counted and skipped, near copies are stored linked to the first article of their story. Each batch of
 * articles is saved in one store transaction, so an interrupted run leaves a consistent store and a rerun completes it.
 * Preparing (hashing, analysis) is split from committing (near-duplicate lookup, save) so that preparation can
 * move to a worker pool while commits stay in input order.
 */
export async function ingestArticles(
  store: Store, pipeline: Pipeline, source: AsyncIterable<ReadResult>, options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  const batchSize = Math.max(1, options.batch ?? 64);
  let pending: ReadResult[] = [];
  const flush = async (): Promise<void> => {
    const prepared: Prepared[] = [];
    for (const item of pending) {
      prepared.push(item.ok ? await prepareArticle(store, pipeline, item.article) : { kind: 'settled', outcome: readFailure(item.error) });
    }
    const outcomes = await commitBatch(store, pipeline, prepared);
    for (const [i, outcome] of outcomes.entries()) {
      const ready = prepared[i];
      countOutcome(summary, outcome);
      if (outcome.kind === 'new' && ready.kind === 'ready') await options.onStored?.(ready.article, ready.analysis);
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

function readFailure(error: GeigerError): IngestOutcome {
  return { kind: 'failed', failure: { file: error.file ?? '-', ...(error.line ? { line: error.line } : {}), reason: error.message } };
}
