import { parentPort } from 'node:worker_threads';
import { createPipeline } from '../../dist/pipeline/create.js';

const pipeline = createPipeline();
parentPort.on('message', (batch) => {
  let items = 0;
  for (const article of batch) {
    const r = pipeline.analyze(article);
    items += r.entities.length + r.quotes.length + r.events.length + r.claims.length;
  }
  parentPort.postMessage({ articles: batch.length, items });
});
parentPort.postMessage('ready');
