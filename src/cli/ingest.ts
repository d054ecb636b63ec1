import { alertsOnStored } from '../alerts/index.js';
import { availableParallelism } from 'node:os';
import { AnalysisPool, ingestArticles, storeOptionsFor, type IngestSummary } from '../ingest/index.js';
import { createPipeline } from '../pipeline/create.js';
import { readSources } from '../read/index.js';
import { openStore } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';
import { positiveInt, ProgressLine, rate } from '../ingest/progress-line.js';

export const usage = 'geiger ingest FILE|DIR|-... [--db FILE|URL] [--date YYYY-MM[-DD]] [--codebook DIR] [--batch N] [--threads N] [--quiet] [--json]';

/** Analysis worker threads by default: one beside the thread that commits, when there is a second core. */
const DEFAULT_THREADS = availableParallelism() > 1 ? 1 : 0;

/** `geiger ingest`: reads, deduplicates, analyses and stores articles; exits non-zero only when something failed. */
export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    db: { type: 'string' }, date: { type: 'string' }, codebook: { type: 'string' },
    quiet: { type: 'boolean' }, json: { type: 'boolean' }, batch: { type: 'string' }, threads: { type: 'string' },
  });
  if (positionals.length === 0) { printError(`usage: ${usage}`); return 2; }
  const batch = positiveInt(values.batch, 'batch', 64);
  const threads = values.threads === '0' ? 0 : positiveInt(values.threads, 'threads', DEFAULT_THREADS);
  const store = await openStore(storeOptionsFor(values.db));
  // With worker threads this thread only deduplicates and commits: it builds no pipeline of its own.
  const pool = threads > 0 ? new AnalysisPool({ codebookDir: values.codebook, threads }) : null;
  const progress = new ProgressLine(100, Boolean(process.stderr.isTTY) && !values.quiet);
  const startedAt = Date.now();
  let summary: IngestSummary;
  try {
    const analyser = pool ? pool.analyse : createPipeline({ codebookDir: values.codebook });
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
