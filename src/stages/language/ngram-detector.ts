import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * eld's detection (the `eld/medium` database) without its per-call overhead: the same text cleanup,
 * byte encoding and 4-byte n-grams, scored only over the language subset, with each n-gram's scores
 * looked up once and kept. Gives exactly `eld.detect(text).language` for the same subset.
 */

interface NgramData { languages: Record<string, string>; ngrams: Record<string, Record<string, number>> }

/** The directory of the installed eld package (its export map hides the database modules). */
function eldDir(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('eld') ?? []) {
    if (existsSync(join(dir, 'eld', 'src', 'ngrams', 'medium.js'))) return join(dir, 'eld', 'src');
  }
  throw new Error('eld is not installed');
}

const SRC = eldDir();
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(SRC, file)).href)) as T;
const { ngramsData } = await load<{ ngramsData: NgramData }>('ngrams/medium.js');
const { separators } = await load<{ separators: RegExp }>('regexPatterns.js');
const { dictionary } = await load<{ dictionary: string[] }>('dictionary.js');
/** Character code eld writes for each UTF-8 byte (all below 256). */
const BYTE = Int32Array.from(dictionary, (d) => d.charCodeAt(0));

/** eld reads at most this much of a text. */
const MAX_CHARS = 1000;
/** eld's cut: at the first space after this many bytes, or after any character past ENFORCE_CUT. */
const CUT_AFTER = 350;
const ENFORCE_CUT = 380;
const MAX_WORD = 70;
/** eld stores scores minus this base. */
const BASE_SCORE = 53;
const CACHE_LIMIT = 200_000;
const APOSTROPHES = [0x27, 0x60, 0x2019];

/** Letter test of eld's separator pattern: 1 letter, 2 not, 0 not yet known (filled on first use). */
const letterClass = new Uint8Array(0x10000);
const SINGLE = new RegExp(`^(?:${separators.source})$`, 'u');

function isLetter(c: number): boolean {
  let k = letterClass[c];
  if (k === 0) {
    k = APOSTROPHES.includes(c) || (c >= 0xd800 && c <= 0xdfff) || SINGLE.test(String.fromCharCode(c)) ? 2 : 1;
    letterClass[c] = k;
  }
  return k === 1;
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x60 || c === 0x2019;

/** Characters of cleaned text enough for eld's byte cut (at most 381 characters are read), cut at a space. */
const ENOUGH_CHARS = 400;

/**
 * eld's `text.replace(separators, ' ')`: every run of non-letters becomes one space, except apostrophes
 * ending the run. Stops at a space once ENOUGH_CHARS are out: eld never reads further, and cutting at a
 * space leaves the lower-casing of what it reads unchanged.
 */
function separate(text: string): string {
  let out = '';
  let kept = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (isLetter(text.charCodeAt(i))) { i++; continue; }
    const s = i;
    while (i < n && !isLetter(text.charCodeAt(i))) i++;
    let e = i;
    while (e > s && isApostrophe(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      out += text.slice(kept, s) + ' ';
      kept = e;
      if (out.length >= ENOUGH_CHARS) return out;
    }
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** Longest n-gram in the database (a space, four bytes, a space). */
const MAX_NGRAM = 6;
const SPACE_DIGIT = 33;

/**
 * A detector restricted to a language subset; `detect` returns the ISO code or '' like eld. Every
 * character of an n-gram is below 256 (ASCII or one of eld's byte characters), so an n-gram of at most
 * six characters is an exact number in base 257, and lookups allocate no strings.
 */
export class NgramDetector {
  private readonly codes: string[];
  /** Database language index → position in the subset, or -1. */
  private readonly position: Int32Array;
  /** N-gram keys → entries (open addressing; key 0 marks a free slot); an entry's scores are (subset position, score) pairs in `pool`. */
  private keys = new Float64Array(1 << 14);
  private slots = new Int32Array(1 << 14);
  private entries = 0;
  private offsets = new Int32Array(1024);
  private counts = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private pool = new Int32Array(4096);
  private poolSize = 0;
  private generation = 0;
  /** Byte characters of the current word. */
  private readonly word = new Int32Array(ENFORCE_CUT + 8);
  private readonly scores: Float64Array;

  /** `cacheLimit`: n-grams kept before the lookup table starts over (a bound on memory for long runs). */
  constructor(languages: readonly string[], private readonly cacheLimit = CACHE_LIMIT) {
    const ids = Object.keys(ngramsData.languages).map(Number).sort((a, b) => a - b);
    this.position = new Int32Array(ids.length ? ids[ids.length - 1] + 1 : 0).fill(-1);
    this.codes = [];
    for (const id of ids) {
      const code = ngramsData.languages[id];
      if (!languages.includes(code)) continue;
      this.position[id] = this.codes.length;
      this.codes.push(code);
    }
    this.scores = new Float64Array(this.codes.length);
  }

  /** The slot of `key`: where it is, or the free slot where it goes. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
    slot = (slot ^ (slot >>> 15)) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  /** Doubles the key table. */
  private rehash(): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.slots = new Int32Array(keys.length * 2);
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] === 0) continue;
      const slot = this.slotOf(keys[k]);
      this.keys[slot] = keys[k];
      this.slots[slot] = slots[k];
    }
  }

  /** Reads an n-gram's subset scores from the database into a new entry. */
  private entry(key: number, ngram: string): number {
    if ((this.entries + 1) * 2 > this.keys.length) this.rehash();
    const id = this.entries++;
    if (id === this.offsets.length) {
      this.offsets = grown(this.offsets, id * 2);
      this.counts = grown(this.counts, id * 2);
      this.stamps = grown(this.stamps, id * 2);
    }
    const row = ngramsData.ngrams[ngram] as Record<string, number> | undefined;
    const start = this.poolSize;
    if (row) {
      for (const lang in row) {
        const p = this.position[Number(lang)];
        if (p < 0) continue;
        if (this.poolSize + 2 > this.pool.length) this.pool = grown(this.pool, this.pool.length * 2);
        this.pool[this.poolSize++] = p;
        this.pool[this.poolSize++] = row[lang] + BASE_SCORE;
      }
    }
    this.offsets[id] = start;
    this.counts[id] = this.poolSize - start;
    this.stamps[id] = 0;
    const slot = this.slotOf(key);
    this.keys[slot] = key;
    this.slots[slot] = id;
    return id;
  }

  /** Scores the n-gram made of word characters [from, to) with the given spaces, once per text. */
  private add(lead: boolean, from: number, to: number, trail: boolean): void {
    const size = (lead ? 1 : 0) + (to - from) + (trail ? 1 : 0);
    if (size > MAX_NGRAM) return;
    let key = lead ? SPACE_DIGIT : 0;
    for (let k = from; k < to; k++) key = key * 257 + this.word[k] + 1;
    if (trail) key = key * 257 + SPACE_DIGIT;
    const slot = this.slotOf(key);
    let id = this.slots[slot];
    if (this.keys[slot] !== key) {
      let ngram = lead ? ' ' : '';
      for (let k = from; k < to; k++) ngram += String.fromCharCode(this.word[k]);
      id = this.entry(key, trail ? `${ngram} ` : ngram);
    }
    if (this.stamps[id] === this.generation) return;
    this.stamps[id] = this.generation;
    const end = this.offsets[id] + this.counts[id];
    for (let k = this.offsets[id]; k < end; k += 2) this.scores[this.pool[k]] += this.pool[k + 1];
  }

  /** eld's n-grams of a word: four bytes at a stride of three, then the last four with a trailing space. */
  private addWord(length: number): void {
    const len = length > MAX_WORD ? MAX_WORD : length;
    let j = 0;
    for (; j + 4 < len; j += 3) this.add(j === 0, j, j + 4, false);
    this.add(j === 0, len !== 3 && len > 4 ? len - 4 : 0, length, true);
  }

  /** The language of `text` as eld.detect would report it within the subset, or ''. */
  detect(text: string): string {
    const head = text.length > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    const str = separate(head).trim().toLowerCase();
    if (this.entries >= this.cacheLimit) {
      this.keys.fill(0);
      this.entries = 0;
      this.poolSize = 0;
    }
    this.generation = this.generation === 0x7fffffff ? 1 : this.generation + 1;
    if (this.generation === 1) this.stamps.fill(0);
    this.scores.fill(0);
    const word = this.word;
    let size = 0;
    let count = 0;
    for (let i = 0; i < str.length; i++) {
      let c = str.charCodeAt(i);
      if (c < 0x80) {
        if (c === 32) {
          if (size > 0) { this.addWord(size); size = 0; }
          if (count > CUT_AFTER) break;
        } else word[size++] = c;
        count++;
      } else if (c < 0x800) {
        word[size++] = BYTE[0xc0 | (c >> 6)];
        word[size++] = BYTE[0x80 | (c & 0x3f)];
        count += 2;
      } else if (c < 0xd800 || c >= 0xe000) {
        word[size++] = BYTE[0xe0 | (c >> 12)];
        word[size++] = BYTE[0x80 | ((c >> 6) & 0x3f)];
        word[size++] = BYTE[0x80 | (c & 0x3f)];
        count += 3;
      } else {
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
        word[size++] = BYTE[0xf0 | (c >> 18)];
        word[size++] = BYTE[0x80 | ((c >> 12) & 0x3f)];
        word[size++] = BYTE[0x80 | ((c >> 6) & 0x3f)];
        word[size++] = BYTE[0x80 | (c & 0x3f)];
        count += 4;
      }
      if (count > ENFORCE_CUT) break;
    }
    if (size > 0) this.addWord(size);
    let best = -1;
    let max = 0;
    for (let k = 0; k < this.scores.length; k++) {
      if (this.scores[k] > 0 && this.scores[k] > max) { max = this.scores[k]; best = k; }
    }
    return best < 0 ? '' : this.codes[best];
  }
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}
