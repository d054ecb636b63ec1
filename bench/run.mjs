import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateArticles } from './corpus/generate.mjs';
import { withCopies } from './corpus/variants.mjs';
import { machineInfo } from './lib/machine.mjs';
import { round } from './lib/stats.mjs';
import { resultsSvg } from './lib/results-svg.mjs';
import { fmt, table } from './lib/table.mjs';
import { benchAnalysis } from './sections/analysis.mjs';
import { benchIngest } from './sections/ingest.mjs';
import { benchMemory } from './sections/memory.mjs';
import { benchScaling } from './sections/scaling.mjs';
import { benchSearch } from './sections/search.mjs';

const USAGE = 'usage: npm run bench -- [--quick] [--large] [--json] [--seed N] [--only analysis,scaling,ingest,search,memory] [--ingest-mb N]';
const SECTIONS = ['analysis', 'scaling', 'ingest', 'search', 'memory'];
const root = new URL('..', import.meta.url).pathname;
const outDir = new URL('./out/', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' }, large: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' },
    seed: { type: 'string' }, only: { type: 'string' }, 'ingest-mb': { type: 'string' },
  },
});
if (values.help) { console.log(USAGE); process.exit(0); }
const seed = Number(values.seed ?? 1);
const only = new Set(values.only ? values.only.split(',') : SECTIONS);
for (const s of only) if (!SECTIONS.includes(s)) { console.error(`unknown section "${s}"\n${USAGE}`); process.exit(2); }
const mode = values.quick ? 'quick' : values.large ? 'large' : 'full';
const config = values.quick
  ? { analysisMB: 5, warmUpArticles: 500, scalingRounds: 4, ingestArticles: 300, searchSizes: [10_000], searchBase: 5_000, reps: 15, budgetMs: 3_000, ingestMB: 5 }
  : { analysisMB: 20, warmUpArticles: 2_000, scalingRounds: 16, ingestArticles: 1_500, searchSizes: values.large ? [100_000, 1_000_000] : [100_000], searchBase: 20_000, reps: 40, budgetMs: 15_000, ingestMB: 100 };
if (values['ingest-mb']) config.ingestMB = Number(values['ingest-mb']);

const print = values.json ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`);
const log = (s) => process.stderr.write(`${s}\n`);
const machine = machineInfo(root);
const results = { mode, seed, config, machine };
const began = performance.now();

log(`geiger bench (${mode}, seed ${seed}) on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
let articles = [];
/** Other articles of the same corpus that warm each analyser up to its steady state before a timed pass. */
let warmUp = [];
if (only.has('analysis') || only.has('scaling') || only.has('ingest')) {
  articles = [...generateArticles({ seed, bytes: config.analysisMB * 1e6 })];
  warmUp = [...generateArticles({ seed, start: 1_000_000, count: config.warmUpArticles })];
}

if (only.has('analysis')) {
  log(`analysis (${config.analysisMB} MB, single thread)`);
  const a = benchAnalysis(articles, warmUp, log);
  results.analysis = a;
  const row = (name, r) => [name, r.articles, fmt(r.mb, 1), fmt(r.seconds, 2), fmt(r.articlesPerSecond, 0), fmt(r.mbPerSecond, 2)];
  print(table('Analysis throughput (single thread)', ['pass', 'articles', 'MB', 's', 'articles/s', 'MB/s'], [
    row('floor: regex tokens, all', a.floor),
    row('Geiger pipeline, all', a.geiger),
    ...Object.entries(a.byLanguage).map(([lang, r]) => row(`Geiger pipeline, ${lang}`, r)),
    row('floor: regex tokens, en', a.floorEnglish),
    row('wink-nlp readDoc, en', a.wink),
  ]));
  const g = a.geigerEnglish.counts;
  const perArticle = (n, r) => fmt(n / r.articles, 1);
  print(table('Extracted per English article', ['system', 'entities', 'mentions', 'quotes', 'events', 'claims', 'dates', 'sentences', 'POS tags'], [
    ['Geiger', perArticle(g.entities, a.geigerEnglish), perArticle(g.mentions, a.geigerEnglish), perArticle(g.quotes, a.geigerEnglish),
      perArticle(g.events, a.geigerEnglish), perArticle(g.claims, a.geigerEnglish), perArticle(g.dates, a.geigerEnglish), '(yes)', '–'],
    ['wink-nlp', '–', perArticle(a.wink.counts.entities, a.wink), '–', '–', '–', '–', perArticle(a.wink.counts.sentences, a.wink), perArticle(a.wink.counts.tokens, a.wink)],
  ]));
  print(`floor / Geiger: ${fmt(a.ratios.floorOverGeiger, 1)}×   Geiger / wink-nlp (English): ${fmt(a.ratios.geigerOverWink, 2)}×`);
}

if (only.has('scaling')) {
  log(`scaling (${config.analysisMB} MB, worker threads)`);
  const s = await benchScaling(articles, warmUp, config.scalingRounds, log);
  results.scaling = s;
  print(table('Analysis with worker threads (warm)', ['threads', 'articles', 's', 'articles/s', 'MB/s', 'CPU s: workers', 'V8 helpers', 'main thread', 'other processes', 'steal'],
    [s.one, s.two].map((r) => [r.threads, r.articles, fmt(r.seconds, 2), fmt(r.articlesPerSecond, 0), fmt(r.mbPerSecond, 2), fmt(r.workerCpuSeconds, 2),
      fmt(r.helperCpuSeconds, 2), fmt(r.mainCpuSeconds, 2), fmt(r.otherProcessesCpuSeconds, 2), fmt(r.stealCpuSeconds, 2)])));
  print(`2 threads / 1 thread: ${fmt(s.speedup, 2)}× (rounds: ${s.rounds.map((x) => `${fmt(x, 2)}×`).join(', ')})`);
}

if (only.has('ingest')) {
  const stream = withCopies(articles.slice(0, Math.round(config.ingestArticles / 1.1)), seed).slice(0, config.ingestArticles);
  log(`ingest (${stream.length} articles with ~5% exact and ~5% near copies)`);
  const r = await benchIngest(stream, outDir, log);
  results.ingest = r;
  const row = (name, x) => (x?.skipped ? [name, `skipped: ${x.skipped}`, null, null, null, null, null] : [
    name, x.articles, fmt(x.seconds, 2), fmt(x.articlesPerSecond, 0), fmt(x.mbPerSecond, 2), x.stored, `${x.duplicates}/${x.nearDuplicates}`]);
  print(table('Ingest (read → dedup → analyse → store + full-text index, one process)', ['store', 'articles', 's', 'articles/s', 'MB/s', 'stored', 'dup/near'],
    r.skipped ? [['all', `skipped: ${r.skipped}`, null, null, null, null, null]] : [
      row('SQLite (1 analysis worker, CLI default)', r.sqlite), row('SQLite (one thread)', r.sqliteOneThread), row('PostgreSQL (1 analysis worker)', r.postgres),
    ]));
}

if (only.has('search')) {
  results.search = [];
  for (const size of config.searchSizes) {
    log(`search (${size} articles)`);
    const r = await benchSearch({ size, seed, base: config.searchBase, reps: config.reps, budgetMs: config.budgetMs, outDir, log });
    results.search.push(r);
    const how = r.cached ? 'cached store' : `store built in ${fmt(r.buildSeconds, 0)} s`;
    print(table(`Search latency on ${size.toLocaleString('en-US')} articles (SQLite; up to ${r.reps} runs each; ${how})`, ['query', 'results', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'query text'],
      r.queries.map((q) => [q.name, q.results, q.runs, fmt(q.p50, 2), fmt(q.p95, 2), fmt(q.p99, 2), q.query])));
  }
}

if (only.has('memory')) {
  log(`memory (streaming ingest of ${config.ingestMB} MB in a child process)`);
  const m = await benchMemory({ outDir, mb: config.ingestMB, seed, log });
  results.memory = m;
  print(table('Peak memory of `geiger ingest FILE --db …` (child process)', ['file MB', 'articles', 's', 'articles/s', 'peak RSS MB (VmHWM)', 'exit'],
    [[fmt(m.fileMB, 0), m.articles, fmt(m.seconds, 1), fmt(m.articlesPerSecond, 0), fmt(m.peakRssMB, 0), m.exitCode]]));
  if (m.error) print(`ingest failed: ${m.error}`);
}

results.targets = targets(results);
results.seconds = (performance.now() - began) / 1000;
print(table('Targets (2-core machine)', ['target', 'measured', 'result'], results.targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'met' : 'MISSED'])));
print(`\nbench took ${fmt(results.seconds, 0)} s`);

mkdirSync(outDir, { recursive: true });
const json = JSON.stringify(results, (_, v) => (typeof v === 'number' ? round(v, 3) : v), 2);
writeFileSync(`${outDir}results-${mode}.json`, json);
if (results.analysis && results.search?.length) {
  const svg = resultsSvg(results);
  const file = mode === 'quick' ? `${outDir}benchmarks-quick.svg` : `${root}docs/benchmarks.svg`;
  mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
  writeFileSync(file, svg);
  log(`wrote ${file}`);
}
if (values.json) process.stdout.write(`${json}\n`);

function targets(r) {
  const out = [];
  const add = (target, measured, met) => out.push({ target, measured, met });
  if (r.analysis) {
    const a = r.analysis;
    add('analysis ≥ 3 MB/s per thread', `${fmt(a.geiger.mbPerSecond, 2)} MB/s`, a.geiger.mbPerSecond >= 3);
    const geigerItems = (a.geigerEnglish.counts.mentions + a.geigerEnglish.counts.quotes + a.geigerEnglish.counts.events + a.geigerEnglish.counts.claims) / a.geigerEnglish.articles;
    const winkItems = a.wink.counts.entities / a.wink.articles;
    add('faster than wink-nlp readDoc on English, extracting more', `${fmt(a.ratios.geigerOverWink, 2)}× wink; ${fmt(geigerItems, 1)} vs ${fmt(winkItems, 1)} items/article`,
      a.ratios.geigerOverWink > 1 && geigerItems > winkItems);
    add('within 30× of the bare tokenisation pass', `${fmt(a.ratios.floorOverGeiger, 1)}×`, a.ratios.floorOverGeiger <= 30);
  }
  if (r.scaling) add('2 threads ≥ 1.7× one', `${fmt(r.scaling.speedup, 2)}×`, r.scaling.speedup >= 1.7);
  if (r.ingest?.sqlite) add('ingest ≥ 300 articles/s into SQLite', `${fmt(r.ingest.sqlite.articlesPerSecond, 0)} articles/s`, r.ingest.sqlite.articlesPerSecond >= 300);
  for (const s of r.search ?? []) {
    const worst = s.queries.reduce((w, q) => (q.p95 > w.p95 ? q : w));
    add(`search p95 ≤ 50 ms, every query (${s.size.toLocaleString('en-US')} articles${s.size !== 100_000 ? '; target is set at 100 000' : ''})`,
      `worst ${worst.name}: ${fmt(worst.p95, 1)} ms`, s.size === 100_000 || s.size < 100_000 ? worst.p95 <= 50 : null);
  }
  if (r.memory) add(`peak RSS ≤ 400 MB, streaming ingest of ${fmt(r.memory.fileMB, 0)} MB`, `${fmt(r.memory.peakRssMB, 0)} MB`, r.memory.exitCode === 0 && r.memory.peakRssMB <= 400);
  return out;
}
