import { Session } from 'node:inspector/promises';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../dist/pipeline/create.js';
import { ingestArticles } from '../dist/ingest/index.js';
import { openStore } from '../dist/store/store.js';
import { generateArticles } from './corpus/generate.mjs';
import { topFunctions } from './profile-top.mjs';

/** Profiles an ingest of N generated articles into a fresh SQLite file: node bench/profile-ingest.mjs [N] [TOP]. */
const count = Number(process.argv[2] ?? 1000);
const dir = new URL('./out/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const file = join(dir, 'profile-ingest.db');
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
const articles = [];
for (const { offTopic, ...a } of generateArticles({ seed: 7, bytes: count * 5000 })) { if (articles.length < count) articles.push(a); }
const store = await openStore({ db: file, url: undefined });
const pipeline = createPipeline();
for (const a of articles.slice(0, 50)) pipeline.analyze(a);
async function* source() { for (const article of articles) yield { ok: true, article }; }
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const started = performance.now();
const summary = await ingestArticles(store, pipeline, source());
const seconds = (performance.now() - started) / 1000;
const { profile } = await session.post('Profiler.stop');
await store.close();
writeFileSync(join(dir, 'ingest.cpuprofile'), JSON.stringify(profile));
console.log(`${articles.length} articles in ${seconds.toFixed(2)} s: ${(articles.length / seconds).toFixed(0)}/s (profiled); new ${summary.new}, near ${summary.nearDuplicates}, dup ${summary.duplicates}`);
for (const row of topFunctions(profile).slice(0, Number(process.argv[3] ?? 30))) {
  console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(7)} ms  ${row.fn}`);
}
