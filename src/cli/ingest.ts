import { alertsOnStored } from '../alerts/index.js';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { AnalysisPool, ingestArticles, storeOptionsFor, type AnalyseBatch, type IngestSummary } from '../ingest/index.js';
import { createPipeline } from '../pipeline/create.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { readSources } from '../read/index.js';
import { openStore, type Store } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';
import { positiveInt, ProgressLine, rate } from '../ingest/progress-line.js';

export const usage = 'geiger ingest FILE|DIR|-... [--db FILE|URL] [--date YYYY-MM[-DD]] [--codebook DIR] [--batch N] [--threads N] [--quiet] [--json]';

/** Analysis worker threads by default: one beside the thread that commits, when there is a second core. */
const DEFAULT_THREADS = availableParallelism() > 1 ? 1 : 0;

/**
 * V8 lets an old generation grow to up to 4x its live size between full collections when the heap limit is large (the
 * default, ~4 GB here). Ingest's live heaps are small (~40 MB in the committing thread, ~70 MB per analysis worker)
 * but promote a steady stream of short-lived batch data, so each swelled to 150-250 MB before being collected. A
 * growing factor of 1.2 keeps each near its live size (peak RSS of a 100 MB ingest 690 → 383 MB at the same speed,
 * BENCHMARKS.md). The flag is process-wide (workers included) and read at every full collection, so setting it at run
 * time takes effect.
 */
export const INGEST_HEAP_GROWING_PERCENT = 20;

/** `geiger ingest`: reads, deduplicates, analyses and stores articles; exits non-zero only when something failed. */
export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    db: { type: 'string' }, date: { type: 'string' }, codebook: { type: 'string' },
    quiet: { type: 'boolean' }, json: { type: 'boolean' }, batch: { type: 'string' }, threads: { type: 'string' },
  });
  if (positionals.length === 0) { printError(`usage: ${usage}`); return 2; }
  const batch = positiveInt(values.batch, 'batch', 64);
  const threads = values.threads === '0' ? 0 : positiveInt(values.threads, 'threads', DEFAULT_THREADS);
  setFlagsFromString(`--heap-growing-percent=${INGEST_HEAP_GROWING_PERCENT}`);
  // With worker threads this thread only deduplicates and commits: it builds no pipeline of its own.
  const pool = threads > 0 ? new AnalysisPool({ codebookDir: values.codebook, threads }) : null;
  let analyser: Pipeline | AnalyseBatch;
  let store: Store;
  try {
    // A bad --codebook fails here, before the store is opened.
    if (pool) await pool.version();
    analyser = pool ? pool.analyse : createPipeline({ codebookDir: values.codebook });
    store = await openStore(storeOptionsFor(values.db));
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const progress = new ProgressLine(100, Boolean(process.stderr.isTTY) && !values.quiet);
  const startedAt = Date.now();
  let summary: IngestSummary;
  try {
    summary = await ingestArticles(store, analyser, readSources(positionals, { date: values.date }), {
      batch,
      onStored: await alertsOnStored(store),
      onProgress: (s) => progress.update(`${formatCounts(s)} · ${rate(s.read, startedAt)}`),
    });
  } finally {
    progress.clear();
    await pool?.close();
    await store.close();
  }
  for (const f of summary.failed) {
    printError(`${f.file}${f.line ? `:${f.line}` : ''}${f.record ? ` (record ${f.record})` : ''}: ${f.reason}`);
  }
  const seconds = (Date.now() - startedAt) / 1000;
  if (values.json) await writeLine(JSON.stringify({ ...summary, seconds }));
  else if (!values.quiet) await writeLine(`${formatCounts(summary)} in ${seconds.toFixed(1)} s (${rate(summary.read, startedAt)})`);
  return summary.failed.length > 0 ? 1 : 0;
}

function formatCounts(s: Readonly<IngestSummary>): string {
  return `read ${s.read}, new ${s.new}, duplicates ${s.duplicates}, near-duplicates ${s.nearDuplicates}, failed ${s.failed.length}`;
}
