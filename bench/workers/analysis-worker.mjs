import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { createPipeline } from '../../dist/pipeline/create.js';

/** This thread's OS thread id (Linux), so the bench can tell its CPU time from V8's helper threads'; null elsewhere. */
function osThreadId() {
  try { return Number(readlinkSync('/proc/thread-self').split('/').pop()); } catch { return null; }
}

const pipeline = createPipeline();
parentPort.on('message', (batch) => {
  let items = 0;
  for (const article of batch) {
    const r = pipeline.analyze(article);
    items += r.entities.length + r.quotes.length + r.events.length + r.claims.length;
  }
  parentPort.postMessage({ articles: batch.length, items });
});
parentPort.postMessage({ ready: true, tid: osThreadId() });
