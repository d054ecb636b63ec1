import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../dist/pipeline/create.js';
import { generateArticles } from './corpus/generate.mjs';
import { cpuProfile, printTop } from './profile-top.mjs';

const mb = Number(process.argv[2] ?? 3);
const lang = process.argv[3];
const pipeline = createPipeline();
const articles = [...generateArticles({ seed: 1, bytes: mb * 1e6 * (lang ? 4 : 1) })].filter((a) => !lang || a.lang === lang);
for (const a of articles.slice(0, 50)) pipeline.analyze(a);
const { profile, seconds } = await cpuProfile(() => { for (const a of articles) pipeline.analyze(a); });
const dir = new URL('./out/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const file = join(dir, 'analysis.cpuprofile');
writeFileSync(file, JSON.stringify(profile));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
console.log(`${articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s (profiled): ${(bytes / 1e6 / seconds).toFixed(2)} MB/s; profile: ${file}`);
printTop(profile, Number(process.argv[4] ?? 30));
