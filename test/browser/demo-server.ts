import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWatchRule, evaluateRules } from '../../src/alerts/index.js';
import { createApp } from '../../src/http/app.js';
import { startServer } from '../../src/http/server.js';
import { ingestArticles } from '../../src/ingest/index.js';
import { createPipeline } from '../../src/pipeline/create.js';
import { readSources } from '../../src/read/index.js';
import { openStore, type Store } from '../../src/store/store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_ARTICLES = join(ROOT, 'corpus/demo/articles');
const WEB = join(ROOT, 'web');

/** A running Geiger server over a temporary store holding the demo corpus. */
export interface DemoServer {
  url: string;
  store: Store;
  /** Id of the watch rule saved before the demo corpus was ingested. */
  ruleId: string;
  close(): Promise<void>;
}

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds web/dist with Vite when it is missing or older than the dashboard's sources. */
export async function ensureDashboardBuilt(): Promise<void> {
  const index = join(WEB, 'dist', 'index.html');
  const sources = Math.max(newestMtime(join(WEB, 'src')), newestMtime(join(WEB, 'index.html')), newestMtime(join(WEB, 'public')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'error' });
}

/** Starts createApp on 127.0.0.1 with a free port over a fresh SQLite store filled with the demo corpus. */
export async function startDemoServer(): Promise<DemoServer> {
  await ensureDashboardBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'geiger-browser-'));
  const store = await openStore({ db: join(dir, 'demo.db'), url: undefined });
  const pipeline = createPipeline();
  const rule = createWatchRule(pipeline.codebook, { name: 'Putin: high-intensity signals', actor: 'Poetin', minIntensity: 6 });
  await store.saveWatchRule(rule);
  const summary = await ingestArticles(store, pipeline, readSources([DEMO_ARTICLES]));
  if (summary.failed.length) throw new Error(`demo corpus failed to ingest: ${JSON.stringify(summary.failed)}`);
  const stored = await store.listArticles({ limit: 500, includeNearCopies: true });
  for (const item of stored.items) {
    const full = await store.getArticle(item.id);
    if (full) await evaluateRules(store, item.id, full.analysis, { rules: [rule], text: full.article.text });
  }
  const app = createApp({ store, pipeline, codebook: pipeline.codebook, log: () => undefined });
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  return {
    url: server.url, store, ruleId: rule.id,
    close: async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
