import { ANALYSIS_WORKER_LIMITS } from '../../dist/ingest/index.js';
import { secondsSince, textBytes } from '../lib/stats.mjs';
import { startWorker } from '../lib/worker-client.mjs';

const WORKER = new URL('../workers/analysis-worker.mjs', import.meta.url);
const BATCH = 25;

/** Analysis throughput with `threads` worker threads, each loading the pipeline once and taking batches from a shared queue. */
export async function benchThreads(articles, threads, workerOptions = {}) {
  const workers = await Promise.all(Array.from({ length: threads }, () => startWorker(WORKER, workerOptions)));
  await Promise.all(workers.map((w) => w.request(articles.slice(0, 150))));
  const batches = [];
  for (let i = 0; i < articles.length; i += BATCH) batches.push(articles.slice(i, i + BATCH));
  let next = 0;
  const start = performance.now();
  await Promise.all(workers.map(async (w) => {
    while (next < batches.length) await w.request(batches[next++]);
  }));
  const seconds = secondsSince(start);
  await Promise.all(workers.map((w) => w.terminate()));
  const mb = textBytes(articles) / 1e6;
  return { threads, articles: articles.length, mb, seconds, articlesPerSecond: articles.length / seconds, mbPerSecond: mb / seconds };
}

/** Throughput with 1 and 2 worker threads (with the V8 limits geiger's analysis workers use) and the speed-up of 2 over 1. */
export async function benchScaling(articles, log) {
  const options = { resourceLimits: ANALYSIS_WORKER_LIMITS };
  log('  1 worker thread');
  const one = await benchThreads(articles, 1, options);
  log('  2 worker threads');
  const two = await benchThreads(articles, 2, options);
  return { one, two, speedup: two.mbPerSecond / one.mbPerSecond };
}
