import { alertsOnStored } from '../alerts/index.js';
import { readFileSync } from 'node:fs';
import { GeigerError } from '../errors.js';
import { followRound, parseDuration, PoliteFetcher, type FollowState } from '../follow/index.js';
import { storeOptionsFor } from '../ingest/index.js';
import { createPipeline } from '../pipeline/create.js';
import { openStore } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { printError } from './output.js';

export const usage = 'geiger follow FEED_URL... | --feeds FILE [--every 15m] [--once] [--db FILE|URL] [--state FILE] '
  + '[--timeout 15s] [--min-interval 1s] [--retries 2] [--codebook DIR] [--quiet]';

function readFeedList(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GeigerError('UNREADABLE', `cannot read the feed list: ${(error as Error).message}`, { file });
  }
  return text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
}

function checkUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch { /* reported below */ }
  throw new GeigerError('USAGE', `not an http(s) feed URL: "${url}"`);
}

/** The state file beside the store: `<db>.follow.json`, or ./geiger.follow.json for PostgreSQL. */
function statePathFor(db: string | undefined): string {
  const file = db ?? (process.env.GEIGER_DATABASE_URL ? undefined : process.env.GEIGER_DB ?? './geiger.db');
  return file && !/^postgres(ql)?:\/\//i.test(file) ? `${file}.follow.json` : './geiger.follow.json';
}

/** `geiger follow`: polls RSS/Atom feeds politely and ingests every new item's page, once or on a schedule. */
export async function followCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    feeds: { type: 'string' }, every: { type: 'string' }, once: { type: 'boolean' }, db: { type: 'string' },
    state: { type: 'string' }, timeout: { type: 'string' }, 'min-interval': { type: 'string' }, retries: { type: 'string' },
    codebook: { type: 'string' }, quiet: { type: 'boolean' },
  });
  const feeds = [...positionals, ...(values.feeds ? readFeedList(values.feeds) : [])].map(checkUrl);
  if (feeds.length === 0) { printError(`usage: ${usage}`); return 2; }
  const every = parseDuration(values.every ?? '15m', 'every');
  const retries = values.retries === undefined ? 2 : Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0) throw new GeigerError('USAGE', `--retries must be a whole number, got "${values.retries}"`);
  const fetcher = new PoliteFetcher({
    timeoutMs: parseDuration(values.timeout ?? '15s', 'timeout'),
    minIntervalMs: parseDuration(values['min-interval'] ?? '1s', 'min-interval'),
    retries,
  });
  const pipeline = createPipeline({ codebookDir: values.codebook });
  const store = await openStore(storeOptionsFor(values.db));
  const statePath = values.state ?? statePathFor(values.db);
  const log = values.quiet ? undefined : (message: string) => process.stderr.write(`${message}\n`);
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => { stopping = true; wake?.(); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const state: FollowState = { feeds: {} };
    for (;;) {
      const reports = await followRound(store, pipeline, feeds, { fetcher, statePath, state, log, onStored: await alertsOnStored(store) });
      const failed = reports.some((r) => r.status === 'failed' || r.summary.failed.length > 0);
      if (values.once) return failed ? 1 : 0;
      if (stopping) return 0;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, every);
        wake = () => { clearTimeout(timer); resolve(); };
      });
      wake = null;
      if (stopping) return 0;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
}
