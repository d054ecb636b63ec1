import { Worker } from 'node:worker_threads';

/**
 * A worker thread that answers one message per request; resolves once the worker says it is ready, with
 * `ready` holding the worker's ready message.
 */
export async function startWorker(url, options = {}) {
  const worker = new Worker(url, options);
  let pending = null;
  worker.on('message', (m) => { const p = pending; pending = null; p?.resolve(m); });
  worker.on('error', (e) => { const p = pending; pending = null; p?.reject(e); });
  const ask = (message) => new Promise((resolve, reject) => {
    pending = { resolve, reject };
    if (message !== undefined) worker.postMessage(message);
  });
  const ready = await ask(undefined);
  return { request: ask, ready, terminate: () => worker.terminate() };
}
