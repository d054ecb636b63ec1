import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../../dist/read/dedup.js';
import { openStore } from '../../dist/store/store.js';
import { generateArticle } from '../corpus/generate.mjs';
import { mulberry32 } from '../corpus/random.mjs';
import { startWorker } from '../lib/worker-client.mjs';

const WORKER = new URL('../workers/records-worker.mjs', import.meta.url);
const FIRST_DAY = Date.UTC(2022, 0, 1);
const COMMIT_EVERY = 5000;

async function analysedBase(count, seed, threads, log) {
  const workers = await Promise.all(Array.from({ length: threads }, () => startWorker(WORKER)));
  const out = new Array(count);
  let next = 0;
  let done = 0;
  await Promise.all(workers.map(async (w) => {
    while (next < count) {
      const from = next;
      const to = Math.min(count, from + 50);
      next = to;
      const batch = [];
      for (let i = from; i < to; i++) {
        const { offTopic, ...article } = generateArticle(seed, i);
        batch.push(article);
      }
      const records = await w.request(batch);
      records.forEach((r, k) => { out[from + k] = r; });
      done += records.length;
      if (done % 5000 < 50) log(`    analysed ${done}/${count}`);
    }
  }));
  await Promise.all(workers.map((w) => w.terminate()));
  return out;
}

/** A re-dated copy of a base record under a new id; a closing reference line makes its content hash unique and leaves every span valid. */
function variant(base, i, seed) {
  const rng = mulberry32((seed * 7919 + i) >>> 0);
  const date = new Date(FIRST_DAY + Math.floor(rng() * 4 * 365) * 86_400_000).toISOString().slice(0, 10);
  const id = `${base.article.id}-v${i}`;
  const text = `${base.article.text}\n\nRef. ${i.toString(36)}-${seed}`;
  return {
    ...base, contentHash: contentHash(text),
    article: { ...base.article, id, date, text, url: `https://bench.geiger.invalid/${id}` },
    analysis: { ...base.analysis, id, date },
  };
}

/**
 * The search-bench store of `size` articles, built once and cached in outDir (keyed by size and seed): `base`
 * generated articles are analysed for real (worker threads), the rest are re-dated variants of them saved
 * through Store.saveArticle inside large transactions.
 */
export async function searchStore({ size, seed, base, outDir, log }) {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `search-${size}-seed${seed}.db`);
  if (existsSync(file)) return { file, cached: true, buildSeconds: null };
  const tmp = `${file}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const baseCount = Math.min(size, base);
  log(`  building the ${size}-article store: analysing ${baseCount} articles, then ${size - baseCount} variants`);
  const records = await analysedBase(baseCount, seed, 2, log);
  const store = await openStore({ db: tmp, url: undefined });
  const db = store.db;
  db.pragma('synchronous = OFF');
  db.exec('BEGIN');
  for (let i = 0; i < size; i++) {
    await store.saveArticle(i < baseCount ? records[i] : variant(records[i % baseCount], i, seed));
    if ((i + 1) % COMMIT_EVERY === 0) {
      db.exec('COMMIT');
      if ((i + 1) % 50_000 === 0) log(`    saved ${i + 1}/${size}`);
      db.exec('BEGIN');
    }
  }
  db.exec('COMMIT');
  db.exec('PRAGMA optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  renameSync(tmp, file);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  return { file, cached: false, buildSeconds: (performance.now() - started) / 1000 };
}
