import { createRequire } from 'node:module';
import { CodePointTest, codePointWidth } from '../../doc/code-point-test.js';

interface Stemmer { stem(word: string): string }
interface SnowballFactory { newStemmer(algorithm: string): Stemmer; algorithms(): string[] }

const snowball = createRequire(import.meta.url)('snowball-stemmers') as SnowballFactory;

const ALGORITHMS: Record<string, string> = {
  nl: 'dutch', en: 'english', de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese',
  sv: 'swedish', da: 'danish', no: 'norwegian', nb: 'norwegian', fi: 'finnish', ru: 'russian',
};
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const SPECIAL_RE = /[ßæœøłđðþı]/g;
const CACHE_LIMIT = 200_000;

const stemmers = new Map<string, { stemmer: Stemmer; cache: Map<string, string> } | null>();

/** A word of the original text with its offsets. */
export interface Word { start: number; end: number; text: string }

/** Lower-cases and strips diacritics ("Oekraïne" → "oekraine"). */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** The words (letters, digits, marks) of a text with their offsets. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** The words of a text with their offsets, one at a time (for scans that stop early). */
export function* eachWord(text: string): Generator<Word> {
  for (const m of text.matchAll(WORD)) yield { start: m.index, end: m.index + m[0].length, text: m[0] };
}

/** The languages (ISO 639-1) for which a stemmer exists. */
export function stemmedLanguages(): string[] {
  return Object.keys(ALGORITHMS);
}

function stemmerFor(lang: string | null | undefined) {
  const key = (lang ?? '').toLowerCase().slice(0, 2);
  let entry = stemmers.get(key);
  if (entry === undefined) {
    const algorithm = ALGORITHMS[key];
    entry = algorithm ? { stemmer: snowball.newStemmer(algorithm), cache: new Map() } : null;
    stemmers.set(key, entry);
  }
  return entry;
}

/** Index keys by language as given, then by word as written (folding and stemming cost more than a lookup). */
const keysByLang = new Map<string | null | undefined, Map<string, string>>();

/**
 * The index key of a word: folded, then stemmed until stable for the language (Dutch Snowball maps
 * "kernwapens" to "kernwapen" but "kernwapen" to "kernwap"; repeating makes both "kernwap").
 */
export function indexKey(word: string, lang: string | null | undefined): string {
  let keys = keysByLang.get(lang);
  if (!keys) {
    keys = new Map();
    keysByLang.set(lang, keys);
  }
  const known = keys.get(word);
  if (known !== undefined) return known;
  const key = stemmedKey(word, lang);
  if (keys.size >= CACHE_LIMIT) keys.clear();
  keys.set(word, key);
  return key;
}

function stemmedKey(word: string, lang: string | null | undefined): string {
  const folded = foldWord(word);
  const entry = stemmerFor(lang);
  if (!entry) return folded;
  const cached = entry.cache.get(folded);
  if (cached !== undefined) return cached;
  let current = folded;
  for (let i = 0; i < 4; i++) {
    const next = entry.stemmer.stem(current);
    if (next === current || next.length === 0) break;
    current = next;
  }
  if (entry.cache.size >= CACHE_LIMIT) entry.cache.clear();
  entry.cache.set(folded, current);
  return current;
}

const WORD_CHAR = new CodePointTest(/^[\p{L}\p{N}\p{M}]$/u);

/**
 * The text as a space-separated sequence of index keys, the form the full-text index holds. The words are those of
 * `words` (runs of letters, digits and marks), found with a per-character table instead of the Unicode-property
 * regex, which took most of the time of this function that every stored article goes through.
 */
export function indexText(text: string, lang: string | null | undefined): string {
  let out = '';
  let first = true;
  let i = 0;
  while (i < text.length) {
    let width = WORD_CHAR.widthAt(text, i);
    if (width === 0) { i += codePointWidth(text, i); continue; }
    const start = i;
    while (width > 0) {
      i += width;
      width = i < text.length ? WORD_CHAR.widthAt(text, i) : 0;
    }
    const key = indexKey(text.slice(start, i), lang);
    out = first ? key : `${out} ${key}`;
    first = false;
  }
  return out;
}
