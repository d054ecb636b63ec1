import { parentPort } from 'node:worker_threads';
import { createPipeline } from '../../dist/pipeline/create.js';
import { contentHash, nearDuplicateBands, simhash } from '../../dist/read/dedup.js';

const pipeline = createPipeline();
const versions = { pipelineVersion: pipeline.version.pipeline, codebookVersion: pipeline.version.codebook };
parentPort.on('message', (batch) => {
  parentPort.postMessage(batch.map((article) => {
    const hash = simhash(article.text);
    return {
      article, analysis: pipeline.analyze(article), contentHash: contentHash(article.text), simhash: hash,
      bands: nearDuplicateBands(hash), ...versions,
    };
  }));
});
parentPort.postMessage('ready');
