import { reanalyzeStore, storeOptionsFor } from '../ingest/index.js';
import { positiveInt, ProgressLine, rate } from '../ingest/progress-line.js';
import { createPipeline } from '../pipeline/create.js';
import { openStore } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';

export const usage = 'geiger reanalyze [--all] [--after ID] [--db FILE|URL] [--batch N] [--codebook DIR] [--quiet] [--json]';

/** `geiger reanalyze`: recomputes analyses made by an older pipeline or codebook (or all with --all). */
export async function reanalyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    all: { type: 'boolean' }, after: { type: 'string' }, db: { type: 'string' }, batch: { type: 'string' },
    codebook: { type: 'string' }, quiet: { type: 'boolean' }, json: { type: 'boolean' },
  });
  if (positionals.length > 0) { printError(`usage: ${usage}`); return 2; }
  const batch = positiveInt(values.batch, 'batch', 200);
  const pipeline = createPipeline({ codebookDir: values.codebook });
  const store = await openStore(storeOptionsFor(values.db));
  const progress = new ProgressLine(100, Boolean(process.stderr.isTTY) && !values.quiet);
  const startedAt = Date.now();
  try {
    const summary = await reanalyzeStore(store, pipeline, {
      all: values.all, after: values.after, batch,
      onProgress: (s) => progress.update(`reanalysed ${s.done}, failed ${s.failed.length}, at ${s.lastId} · ${rate(s.done, startedAt)}`),
    });
    progress.clear();
    for (const f of summary.failed) printError(`${f.id}: reanalysis failed: ${f.reason}`);
    if (values.json) await writeLine(JSON.stringify(summary));
    else if (!values.quiet) {
      await writeLine(`reanalysed ${summary.done}, failed ${summary.failed.length} (pipeline ${pipeline.version.pipeline}, codebook ${pipeline.version.codebook})`);
    }
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    progress.clear();
    await store.close();
  }
}
