import { Worker } from 'node:worker_threads';

/**
 * A worker thread that answers each message with one message, in order; requests may overlap (the worker queues
 * them), so a caller can keep the next batch waiting in the worker while it analyses this one. Resolves once the
 * worker says it is ready, with `ready` holding the worker's ready message.
 */
export async function startWorker(url, options = {}) {
  const worker = new Worker(url, options);
  const pending = [];
  worker.on('message', (m) => pending.shift()?.resolve(m));
  worker.on('error', (e) => { for (const p of pending.splice(0)) p.reject(e); });
  const ask = (message) => new Promise((resolve, reject) => {
    pending.push({ resolve, reject });
    if (message !== undefined) worker.postMessage(message);
  });
  const ready = await ask(undefined);
  return { request: ask, ready, terminate: () => worker.terminate() };
}
