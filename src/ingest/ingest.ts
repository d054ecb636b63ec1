import type { GeigerError } from '../errors.js';
import type { Analysis } from '../pipeline/analysis.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import type { ReadResult } from '../read/read-result.js';
import type { Store } from '../store/store.js';
import { analyseInProcess, type AnalyseBatch } from './analysed.js';
import { commitBatch, prepareBatch, type Prepared } from './ingest-one.js';
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
 * articles is saved in one store transaction, so an interrupted run leaves a consistent store and a rerun completes
 * it. Batches are pipelined: the next batch is hashed and analysed (by `analyser`: a pipeline in this thread, or an
 * AnalyseBatch such as AnalysisPool's, which analyses in worker threads) while the previous one is deduplicated and
 * committed, in input order.
 */
export async function ingestArticles(
  store: Store, analyser: Pipeline | AnalyseBatch, source: AsyncIterable<ReadResult>, options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  const batchSize = Math.max(1, options.batch ?? 64);
  const analyse = typeof analyser === 'function' ? analyser : analyseInProcess(analyser);
  const prepare = async (items: ReadResult[]): Promise<Prepared[]> => {
    const articles = items.flatMap((item) => (item.ok ? [item.article] : []));
    const ready = await prepareBatch(store, analyse, articles);
    let next = 0;
    return items.map((item) => (item.ok ? ready[next++] : { kind: 'settled', outcome: readFailure(item.error) }));
  };
  const commit = async (prepared: Prepared[]): Promise<void> => {
    const outcomes = await commitBatch(store, prepared);
    for (const [i, outcome] of outcomes.entries()) {
      const ready = prepared[i];
      countOutcome(summary, outcome);
      if (outcome.kind === 'new' && ready.kind === 'ready') await options.onStored?.(ready.article, ready.analysis);
      options.onProgress?.(summary);
    }
  };
  let pending: ReadResult[] = [];
  let preparing: Promise<Prepared[]> | null = null;
  const flush = async (): Promise<void> => {
    const next = pending.length > 0 ? prepare(pending) : null;
    pending = [];
    // Hold the next batch's promise before awaiting the previous commit, so a rejection is never left unobserved.
    next?.catch(() => undefined);
    if (preparing) await commit(await preparing);
    preparing = next;
  };
  try {
    for await (const item of source) {
      pending.push(item);
      if (pending.length >= batchSize) await flush();
    }
    await flush();
    await flush();
  } finally {
    if (preparing) await (preparing as Promise<Prepared[]>).catch(() => undefined);
  }
  return summary;
}
function readFailure(error: GeigerError): IngestOutcome {
  return { kind: 'failed', failure: { file: error.file ?? '-', ...(error.line ? { line: error.line } : {}), reason: error.message } };
}
