import { loadCodebook } from '../codebook/load.js';
import { ingestArticles } from '../ingest/ingest.js';
import { storeOptionsFor } from '../ingest/store-options.js';
import { createPipeline } from '../pipeline/create.js';
import { readSources } from '../read/index.js';
import { openStore } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { DEMO_CORPUS_DIR } from './demo.js';
import { printError, writeLine } from './output.js';
import { listenOptions, serveUntilStopped } from './serve.js';

export const usage = `usage: geiger start [--db FILE|URL] [--host 127.0.0.1] [--port 7420]
Fills an empty store with the bundled demo corpus, then serves the dashboard and API (what \`npm start\` runs).`;

/** `geiger start`: demo data into an empty store, then `geiger serve`. */
export async function startCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { await writeLine(usage); return 0; }
  const listen = listenOptions(values);
  const store = await openStore(storeOptionsFor(values.db));
  const pipeline = createPipeline({ codebook: loadCodebook() });
  try {
    if ((await store.stats()).articles === 0) {
      const started = performance.now();
      const summary = await ingestArticles(store, pipeline, readSources([DEMO_CORPUS_DIR]));
      for (const f of summary.failed) printError(`${f.file}${f.line ? `:${f.line}` : ''}: ${f.reason}`);
      await writeLine(`Geiger: stored ${summary.new} demo articles (${summary.nearDuplicates} near copies) from ${DEMO_CORPUS_DIR} in ${(performance.now() - started).toFixed(0)} ms`);
    }
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return serveUntilStopped(store, listen, async (server) => {
    await writeLine(`Geiger is serving ${server.url}/`);
    await writeLine(`Open ${server.url}/ in a browser; stop with Ctrl-C.`);
  }, pipeline);
}
