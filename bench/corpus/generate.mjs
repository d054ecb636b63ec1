import { en } from './lang-en.mjs';
import { nl } from './lang-nl.mjs';
import { de } from './lang-de.mjs';
import { fr } from './lang-fr.mjs';
import { mulberry32, randomTools } from './random.mjs';

/** The languages of the bench corpus, in the order articles cycle through them by chance. */
export const LANGUAGES = { en, nl, de, fr };
const LANGS = Object.keys(LANGUAGES);
const OFF_TOPIC_SHARE = 0.15;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 4 * 365;
const WARHEADS = [1550, 1588, 1674, 2000, 4380, 5580, 5889, 1000, 300, 2815, 1200, 4489];

/** A per-article seed mixed from the corpus seed and the article index (so article i never depends on article i - 1). */
function articleSeed(seed, index) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fills {slot} placeholders from the article context; numbers and dates are drawn afresh for each slot. */
function filler(L, r, ctx) {
  const slots = {
    P: () => ctx.russian.full, p: () => ctx.russian.short, pRole: () => ctx.russian.role,
    W: () => ctx.western.full, w: () => ctx.western.short, wRole: () => ctx.western.role,
    O: () => L.open, C: () => L.close,
    nato: () => ctx.alliance, ally: () => ctx.ally, city: () => r.pick(L.cities),
    weapon: () => (r.chance(0.02) ? r.pick(L.rareWeapons) : ctx.weapon),
    exercise: () => r.pick(L.exercises), treaty: () => ctx.treaty,
    n: () => L.number(r.chance(0.6) ? r.pick(WARHEADS) : r.int(10, 9000)),
    m: () => String(r.int(2, 60)), m2: () => String(r.int(1, 30)), pct: () => `${r.int(1, 9)},${r.int(0, 9)}`.replace(',', L.lang === 'en' ? '.' : ','),
    day: () => L.weekdays[ctx.weekday], date: () => L.dayMonth(r.int(1, 28), r.pick(L.months)),
    month: () => r.pick(L.months), year: () => String(r.int(2010, 2021)),
  };
  return (template) => capitalise(template.replace(/\{(\w+)\}/g, (_, key) => slots[key]()));
}

function capitalise(sentence) {
  const first = sentence.charAt(0);
  return first === first.toUpperCase() ? sentence : first.toUpperCase() + sentence.slice(1);
}

/** Draws sentences from a pool without repeats until it runs out, then starts over. */
function drawer(r, pool) {
  let left = [];
  return () => {
    if (left.length === 0) left = pool.slice();
    return left.splice(Math.floor(r.rng() * left.length), 1)[0];
  };
}

function onTopicBody(L, r, fill, target) {
  const draw = {
    quote: drawer(r, L.quotes), event: drawer(r, L.events), claim: drawer(r, L.claims), background: drawer(r, L.background),
  };
  const shapes = [['event', 'quote'], ['quote', 'background'], ['claim', 'background', 'event'], ['background', 'quote', 'event'], ['event', 'claim'], ['quote', 'quote']];
  const paragraphs = [`${fill(r.pick(L.leads))} ${fill(draw.event())}`];
  let length = paragraphs[0].length;
  while (length < target) {
    const paragraph = r.pick(shapes).map((kind) => fill(draw[kind]())).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs;
}

function offTopicBody(L, r, fill, target) {
  const draw = drawer(r, L.offTopic);
  const paragraphs = [];
  let length = 0;
  while (length < target) {
    const paragraph = Array.from({ length: r.int(2, 3) }, () => fill(draw())).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs;
}

/** Composes article `index` of the corpus with `seed`: the same pair always gives the same article. */
export function generateArticle(seed, index) {
  const r = randomTools(mulberry32(articleSeed(seed, index)));
  const lang = LANGS[Math.floor(r.rng() * LANGS.length)];
  const L = LANGUAGES[lang];
  const day = new Date(FIRST_DAY + r.int(0, DAYS - 1) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const ctx = {
    russian: r.pick(L.russians), western: r.pick(L.westerners), alliance: r.pick(L.alliance), ally: r.pick(L.allies),
    weapon: r.pick(L.weapons), treaty: r.pick(L.treaties), weekday: (day.getUTCDay() + 6) % 7,
  };
  const fill = filler(L, r, ctx);
  const offTopic = r.chance(OFF_TOPIC_SHARE);
  const target = r.int(1900, 4700);
  const title = offTopic ? r.pick(L.offTopicTitles) : fill(r.pick(L.titles));
  const paragraphs = offTopic ? offTopicBody(L, r, fill, target) : onTopicBody(L, r, fill, target);
  const id = `${lang}-${seed}-${index}`;
  return { id, date, lang, title, url: `https://bench.geiger.invalid/${id}`, text: `${title}\n\n${paragraphs.join('\n\n')}`, offTopic };
}

/** Yields articles 0, 1, 2 … of the corpus until their texts add up to `bytes` (UTF-8) or `count` articles. */
export function* generateArticles({ seed = 1, bytes = Infinity, count = Infinity, start = 0 } = {}) {
  let total = 0;
  for (let i = start; total < bytes && i - start < count; i++) {
    const article = generateArticle(seed, i);
    total += Buffer.byteLength(article.text);
    yield article;
  }
}

/** The article as one JSON Lines row (the fields `geiger ingest` reads). */
export function toJsonl(article) {
  const { offTopic, ...row } = article;
  return JSON.stringify(row);
}
