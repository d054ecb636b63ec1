import { createPipeline } from '../dist/pipeline/create.js';
import { generateArticles } from './corpus/generate.mjs';

const mb = Number(process.argv[2] ?? 2);
const pipeline = createPipeline();
const articles = [...generateArticles({ seed: 1, bytes: mb * 1e6 })];
const runners = pipeline.runners;
const ms = new Map(runners.map((r) => [r.name, 0]));
let doc;
const timed = runners.map((r) => ({
  name: r.name,
  run: (d) => { const t = performance.now(); r.run(d); ms.set(r.name, ms.get(r.name) + performance.now() - t); doc = d; },
}));
for (const a of articles.slice(0, 100)) pipeline.analyze(a);
for (const k of ms.keys()) ms.set(k, 0);
pipeline.runners = timed;
let total = 0;
const start = performance.now();
for (const a of articles) pipeline.analyze(a);
total = performance.now() - start;
const staged = [...ms.values()].reduce((x, y) => x + y, 0);
console.log(`${articles.length} articles, ${mb} MB: ${(mb / (total / 1000)).toFixed(2)} MB/s; stages ${staged.toFixed(0)} ms of ${total.toFixed(0)} ms (rest: record building)`);
for (const [name, t] of [...ms].sort((a, b) => b[1] - a[1])) console.log(`${name.padEnd(10)} ${t.toFixed(0).padStart(7)} ms  ${(100 * t / total).toFixed(1).padStart(5)}%`);
