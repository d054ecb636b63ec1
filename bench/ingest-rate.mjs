import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticles } from './corpus/generate.mjs';

/**
 * Ingest rate of N generated articles into a fresh SQLite file, with THREADS analysis workers (0: in process), for
 * A/B runs against another build: node bench/ingest-rate.mjs [N] [THREADS] [DIST_DIR].
 */
const count = Number(process.argv[2] ?? 2000);
const threads = Number(process.argv[3] ?? 1);
const dist = process.argv[4] ?? new URL('../dist/', import.meta.url).pathname;
const { createPipeline } = await import(join(dist, 'pipeline/create.js'));
const { AnalysisPool, ingestArticles } = await import(join(dist, 'ingest/index.js'));
const { openStore } = await import(join(dist, 'store/store.js'));
const dir = new URL('./out/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const file = join(dir, `ingest-rate-${process.pid}.db`);
const articles = [];
for (const { offTopic, ...a } of generateArticles({ seed: 7, bytes: count * 5000 })) { if (articles.length < count) articles.push(a); }
const store = await openStore({ db: file, url: undefined });
const pipeline = createPipeline();
const pool = threads > 0 ? new AnalysisPool({ threads }) : null;
if (pool) await pool.analyse(articles.slice(0, 50));
else for (const a of articles.slice(0, 50)) pipeline.analyze(a);
async function* source() { for (const article of articles) yield { ok: true, article }; }
/** CPU seconds (user + system) of each thread of this process, by thread id; the main thread's id is the pid. */
const threadCpu = () => new Map(readdirSync('/proc/self/task').map((tid) => {
  const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
  return [Number(tid), (Number(fields[11]) + Number(fields[12])) / 100];
}));
const cpuBefore = threadCpu();
const started = performance.now();
const summary = await ingestArticles(store, pool ? pool.analyse : pipeline, source());
const seconds = (performance.now() - started) / 1000;
const cpuAfter = threadCpu();
const mainCpu = cpuAfter.get(process.pid) - cpuBefore.get(process.pid);
const allCpu = [...cpuAfter].reduce((sum, [tid, s]) => sum + s - (cpuBefore.get(tid) ?? 0), 0);
await pool?.close();
await store.close();
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
console.log(JSON.stringify({ dist, threads, articles: count, seconds: +seconds.toFixed(2), perSecond: +(count / seconds).toFixed(1),
  mainCpuMsPerArticle: +(mainCpu * 1000 / count).toFixed(2), otherCpuMsPerArticle: +((allCpu - mainCpu) * 1000 / count).toFixed(2), new: summary.new, near: summary.nearDuplicates }));
