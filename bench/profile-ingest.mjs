import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../dist/pipeline/create.js';
import { AnalysisPool, ingestArticles } from '../dist/ingest/index.js';
import { openStore } from '../dist/store/store.js';
import { generateArticles } from './corpus/generate.mjs';
import { cpuProfile, printTop } from './profile-top.mjs';

/**
 * Profiles an ingest of N generated articles into a fresh SQLite file: node bench/profile-ingest.mjs [N] [TOP] [THREADS].
 * With THREADS > 0 analysis runs in that many worker threads and the profile shows the committing (main) thread.
 */
const count = Number(process.argv[2] ?? 1000);
const threads = Number(process.argv[4] ?? 0);
const dir = new URL('./out/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const file = join(dir, 'profile-ingest.db');
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
const articles = [];
for (const { offTopic, ...a } of generateArticles({ seed: 7, bytes: count * 5000 })) { if (articles.length < count) articles.push(a); }
const store = await openStore({ db: file, url: undefined });
const pipeline = createPipeline();
for (const a of articles.slice(0, 50)) pipeline.analyze(a);
const pool = threads > 0 ? new AnalysisPool({ threads }) : null;
if (pool) await pool.analyse(articles.slice(0, 50));
async function* source() { for (const article of articles) yield { ok: true, article }; }
const { profile, seconds, result: summary } = await cpuProfile(
  () => ingestArticles(store, pool ? pool.analyse : pipeline, source()),
);
await pool?.close();
await store.close();
writeFileSync(join(dir, 'ingest.cpuprofile'), JSON.stringify(profile));
console.log(`${articles.length} articles in ${seconds.toFixed(2)} s: ${(articles.length / seconds).toFixed(0)}/s (profiled); new ${summary.new}, near ${summary.nearDuplicates}, dup ${summary.duplicates}`);
printTop(profile, Number(process.argv[3] ?? 30));
