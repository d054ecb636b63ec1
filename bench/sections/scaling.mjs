import { ANALYSIS_WORKER_LIMITS } from '../../dist/ingest/index.js';
import { secondsSince, textBytes } from '../lib/stats.mjs';
import { cpuBetween, machineCpu, threadCpu } from '../lib/thread-cpu.mjs';
import { startWorker } from '../lib/worker-client.mjs';

const WORKER = new URL('../workers/analysis-worker.mjs', import.meta.url);
const BATCH = 10;

function batchesOf(articles) {
  const batches = [];
  for (let i = 0; i < articles.length; i += BATCH) batches.push(articles.slice(i, i + BATCH));
  return batches;
}

/**
 * Analysis throughput of `workers` (already warm) taking batches from one shared queue, with the CPU time their
 * own threads and the rest of the process (V8's compiler and GC helper threads) used meanwhile.
 */
async function timedPass(workers, articles) {
  const batches = batchesOf(articles);
  let next = 0;
  const before = threadCpu();
  const machineBefore = machineCpu();
  const start = performance.now();
  await Promise.all(workers.map(async (w) => {
    while (next < batches.length) await w.request(batches[next++]);
  }));
  const seconds = secondsSince(start);
  const used = cpuBetween(before, threadCpu());
  const machineAfter = machineCpu();
  const workerTids = new Set(workers.map((w) => w.ready.tid));
  let workerCpu = 0;
  let helperCpu = 0;
  let mainCpu = 0;
  for (const [tid, s] of used) {
    if (workerTids.has(tid)) workerCpu += s;
    else if (tid === process.pid) mainCpu += s;
    else helperCpu += s;
  }
  const otherProcessesCpu = Math.max(0, machineAfter.busy - machineBefore.busy - workerCpu - helperCpu - mainCpu);
  const stealCpu = machineAfter.steal - machineBefore.steal;
  const mb = textBytes(articles) / 1e6;
  return {
    threads: workers.length, articles: articles.length, mb, seconds, articlesPerSecond: articles.length / seconds, mbPerSecond: mb / seconds,
    workerCpuSeconds: workerCpu, helperCpuSeconds: helperCpu, mainCpuSeconds: mainCpu,
    otherProcessesCpuSeconds: otherProcessesCpu, stealCpuSeconds: stealCpu,
  };
}


/** Sums timed passes over parts of the articles into one figure for the whole. */
function total(passes) {
  const sum = (key) => passes.reduce((n, p) => n + p[key], 0);
  const articles = sum('articles');
  const mb = sum('mb');
  const seconds = sum('seconds');
  return {
    threads: passes[0].threads, articles, mb, seconds, articlesPerSecond: articles / seconds, mbPerSecond: mb / seconds,
    workerCpuSeconds: sum('workerCpuSeconds'), helperCpuSeconds: sum('helperCpuSeconds'), mainCpuSeconds: sum('mainCpuSeconds'),
    otherProcessesCpuSeconds: sum('otherProcessesCpuSeconds'), stealCpuSeconds: sum('stealCpuSeconds'),
  };
}

/**
 * Throughput with 1 and 2 worker threads (with the V8 limits geiger's analysis workers use) and the speed-up of 2
 * over 1. Both workers first analyse the warm-up articles, side by side: a fresh worker spends its first seconds
 * compiling (V8's optimising compiler runs on helper threads), which with one worker runs on the idle core and
 * with two competes with them; a long ingest runs warm. The articles are then cut in `rounds` parts, and each part
 * is analysed by one warm worker and by both, in alternating order, so that the machine's speed drifting during
 * the run (it does, on a shared host: the same part took 1.3-2.1 s on one thread in one hour) weighs on both figures
 * alike; the shorter the rounds, the less drift falls between a part's two passes.
 */
export async function benchScaling(articles, warmUp, rounds, log) {
  const workers = await Promise.all([0, 1].map(() => startWorker(WORKER, { resourceLimits: ANALYSIS_WORKER_LIMITS })));
  try {
    log(`  warming up both workers (${warmUp.length} articles each)`);
    const warmBatches = batchesOf(warmUp);
    await Promise.all(workers.map(async (w) => { for (const b of warmBatches) await w.request(b); }));
    const ones = [];
    const twos = [];
    const size = Math.ceil(articles.length / rounds);
    for (let r = 0; r < rounds; r++) {
      const part = articles.slice(r * size, (r + 1) * size);
      log(`  round ${r + 1} of ${rounds}: ${part.length} articles with ${r % 2 === 0 ? '1 then 2' : '2 then 1'} worker threads`);
      for (const threads of r % 2 === 0 ? [1, 2] : [2, 1]) {
        const pass = await timedPass(workers.slice(0, threads), part);
        (threads === 1 ? ones : twos).push(pass);
      }
    }
    const one = total(ones);
    const two = total(twos);
    const speedups = ones.map((o, r) => twos[r].mbPerSecond / o.mbPerSecond);
    return { one, two, speedup: two.mbPerSecond / one.mbPerSecond, rounds: speedups };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
