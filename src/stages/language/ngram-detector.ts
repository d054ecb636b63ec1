import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eldSourceDir, loadNgramTable, type NgramTable } from './ngram-table.js';

/**
 * eld's detection (the `eld/medium` database, held compactly: see NgramTable) without its per-call
 * overhead: the same text cleanup, byte encoding and 4-byte n-grams, scored only over the language
 * subset. Gives exactly `eld.detect(text).language` for the same subset.
 */

const SRC = eldSourceDir();
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(SRC, file)).href)) as T;
/** eld's medium database, the one `eld/medium` uses. */
const ELD_MEDIUM = await loadNgramTable(join(SRC, 'ngrams', 'medium.js'));
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
 * six characters is an exact number in base 257 (see ngramKey), and lookups allocate no strings.
 */
export class NgramDetector {
  private readonly codes: string[];
  /** Database language id → position in the subset, or -1. */
  private readonly position: Int32Array;
  /** Per n-gram entry: the detect call that last scored it (an n-gram counts once per text). */
  private readonly stamps: Int32Array;
  private generation = 0;
  /** Byte characters of the current word. */
  private readonly word = new Int32Array(ENFORCE_CUT + 8);
  private readonly scores: Float64Array;

  constructor(languages: readonly string[], private readonly table: NgramTable = ELD_MEDIUM) {
    const ids = Object.keys(table.languages).map(Number).sort((a, b) => a - b);
    this.position = new Int32Array(ids.length ? ids[ids.length - 1] + 1 : 0).fill(-1);
    this.codes = [];
    for (const id of ids) {
      const code = table.languages[id];
      if (!languages.includes(code)) continue;
      this.position[id] = this.codes.length;
      this.codes.push(code);
    }
    this.scores = new Float64Array(this.codes.length);
    this.stamps = new Int32Array(table.size);
  }

  /** Scores the n-gram made of word characters [from, to) with the given spaces, once per text. */
  private add(lead: boolean, from: number, to: number, trail: boolean): void {
    const size = (lead ? 1 : 0) + (to - from) + (trail ? 1 : 0);
    if (size > MAX_NGRAM) return;
    let key = lead ? SPACE_DIGIT : 0;
    for (let k = from; k < to; k++) key = key * 257 + this.word[k] + 1;
    if (trail) key = key * 257 + SPACE_DIGIT;
    const id = this.table.find(key);
    if (id < 0 || this.stamps[id] === this.generation) return;
    this.stamps[id] = this.generation;
    const { offsets, pool } = this.table;
    const end = offsets[id + 1];
    for (let k = offsets[id]; k < end; k += 2) {
      const p = this.position[pool[k]];
      if (p >= 0) this.scores[p] += pool[k + 1] + BASE_SCORE;
    }
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
