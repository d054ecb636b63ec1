import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';

/** Counts of a reanalysis run. */
export interface ReanalyzeSummary { done: number; failed: { id: string; reason: string }[]; lastId: string | null }

export interface ReanalyzeOptions {
  /** Redo every article, not only those analysed by another pipeline or codebook version. */
  all?: boolean;
  /** Ids fetched per query; default 200. */
  batch?: number;
  /** Start after this id (resume an interrupted --all run). */
  after?: string;
  onProgress?: (summary: Readonly<ReanalyzeSummary>) => void;
}

/** A version pair no analysis carries, so that every stored analysis counts as stale. */
const NO_VERSION = '(none)';

/**
 * Recomputes stored analyses in id order, one transaction per article: those made by another pipeline or
 * codebook version (resumable: a rerun picks up what is still stale), or every one with `all`.
 */
export async function reanalyzeStore(store: Store, pipeline: Pipeline, options: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const version = pipeline.version;
  const versions = { pipelineVersion: version.pipeline, codebookVersion: version.codebook };
  const [pv, cv] = options.all ? [NO_VERSION, NO_VERSION] : [version.pipeline, version.codebook];
  const batch = Math.max(1, options.batch ?? 200);
  const summary: ReanalyzeSummary = { done: 0, failed: [], lastId: null };
  let after = options.after;
  for (;;) {
    const ids = await store.staleAnalyses(pv, cv, batch, after);
    if (ids.length === 0) break;
    for (const id of ids) {
      try {
        const stored = await store.getArticle(id);
        if (!stored) throw new Error('article vanished');
        await store.replaceAnalysis(id, pipeline.analyze(stored.article), versions);
        summary.done++;
      } catch (error) {
        summary.failed.push({ id, reason: (error as Error).message });
      }
      summary.lastId = id;
      options.onProgress?.(summary);
    }
    after = ids[ids.length - 1];
  }
  return summary;
}
