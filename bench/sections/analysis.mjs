import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createPipeline } from '../../dist/pipeline/create.js';
import { secondsSince, textBytes } from '../lib/stats.mjs';

/** The floor: one regex pass over the text counting tokens (no pipeline can tokenise faster than this). */
const FLOOR_TOKEN = /\p{L}+|\p{N}+|\S/gu;

function floorPass(articles) {
  let tokens = 0;
  for (const a of articles) {
    FLOOR_TOKEN.lastIndex = 0;
    while (FLOOR_TOKEN.exec(a.text) !== null) tokens++;
  }
  return tokens;
}

function winkPass(nlp, its, articles) {
  const counts = { entities: 0, sentences: 0, tokens: 0 };
  for (const a of articles) {
    const doc = nlp.readDoc(a.text);
    counts.entities += doc.entities().out().length;
    counts.sentences += doc.sentences().out().length;
    counts.tokens += doc.tokens().out(its.pos).length;
  }
  return counts;
}

function countItems(record, counts) {
  counts.entities += record.entities.length;
  counts.mentions += record.entities.reduce((n, e) => n + e.mentions.length, 0);
  counts.quotes += record.quotes.length;
  counts.events += record.events.length;
  counts.claims += record.claims.length;
  counts.dates += record.dates?.length ?? 0;
}

const emptyCounts = () => ({ entities: 0, mentions: 0, quotes: 0, events: 0, claims: 0, dates: 0 });

function rate(articles, seconds) {
  const bytes = textBytes(articles);
  return { articles: articles.length, mb: bytes / 1e6, seconds, articlesPerSecond: articles.length / seconds, mbPerSecond: bytes / 1e6 / seconds };
}

/**
 * Single-thread analysis throughput of Geiger on all articles (and per language, timed article by article in the
 * same pass), of the bare tokenisation floor on the same text, and of wink-nlp's readDoc on the English part.
 * Each runs over `warmUp` (other articles) first, so V8 has compiled its hot code before the clock starts.
 */
export function benchAnalysis(articles, warmUp, log) {
  const english = articles.filter((a) => a.lang === 'en');
  const pipeline = createPipeline();
  const nlp = winkNLP(model);
  const its = nlp.its;

  log(`  warming up (${warmUp.length} other articles)`);
  for (const a of warmUp) pipeline.analyze(a);
  winkPass(nlp, its, warmUp.filter((a) => a.lang === 'en'));
  floorPass(warmUp);

  log(`  floor: regex tokenisation over ${(textBytes(articles) / 1e6).toFixed(1)} MB`);
  let start = performance.now();
  const floorTokens = floorPass(articles);
  const floor = { ...rate(articles, secondsSince(start)), tokens: floorTokens };
  start = performance.now();
  floorPass(english);
  const floorEnglish = rate(english, secondsSince(start));

  log(`  geiger: ${articles.length} articles`);
  const perLang = new Map();
  const counts = emptyCounts();
  const englishCounts = emptyCounts();
  start = performance.now();
  for (const a of articles) {
    const t = performance.now();
    const record = pipeline.analyze(a);
    const dt = performance.now() - t;
    const slot = perLang.get(a.lang) ?? { ms: 0, articles: [] };
    slot.ms += dt;
    slot.articles.push(a);
    perLang.set(a.lang, slot);
    countItems(record, counts);
    if (a.lang === 'en') countItems(record, englishCounts);
  }
  const geiger = { ...rate(articles, secondsSince(start)), counts };
  const byLanguage = Object.fromEntries([...perLang].sort().map(([lang, s]) => [lang, rate(s.articles, s.ms / 1000)]));

  log(`  wink-nlp readDoc: ${english.length} English articles`);
  start = performance.now();
  const winkCounts = winkPass(nlp, its, english);
  const wink = { ...rate(english, secondsSince(start)), counts: winkCounts };
  const geigerEnglish = { ...byLanguage.en, counts: englishCounts };

  return {
    geiger, byLanguage, floor, floorEnglish, wink, geigerEnglish,
    ratios: {
      floorOverGeiger: floor.mbPerSecond / geiger.mbPerSecond,
      geigerOverWink: geigerEnglish.mbPerSecond / wink.mbPerSecond,
    },
  };
}
