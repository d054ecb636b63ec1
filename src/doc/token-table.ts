import { fold, foldNonAscii } from './fold.js';
import { zeroedInt32 } from './slab.js';

export const enum TokenKind { Word = 1, Number = 2, Punct = 3 }

/** Characters of the key that prefix phrase parts are looked up by (see PhraseMatcher). */
export const PREFIX_KEY_CHARS = 3;

/*
 * Tokens are the matches of
 *   \p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}]) | [\p{L}\p{M}\p{N}]+ | [^\s\p{L}\p{M}\p{N}]
 * (with the u flag): numbers with group separators (2.000, 1,550, 3.5), words of letters, marks and
 * digits, or one other non-space character. The scanner below finds exactly these matches from the
 * character classes, without a regex match per token.
 */
const LETTER = 1;
const MARK = 2;
const DIGIT = 4;
const SPACE = 8;
const UPPER = 16;
const KNOWN = 128;
const WORD_CHAR = LETTER | MARK | DIGIT;

const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_DIGIT = /\p{N}/u;
const IS_SPACE = /\s/u;
const IS_UPPER = /^\p{Lu}/u;

function classify(ch: string): number {
  return KNOWN | (IS_LETTER.test(ch) ? LETTER : 0) | (IS_MARK.test(ch) ? MARK : 0) | (IS_DIGIT.test(ch) ? DIGIT : 0)
    | (IS_SPACE.test(ch) ? SPACE : 0) | (IS_UPPER.test(ch) ? UPPER : 0);
}

/** Classes of UTF-16 units (lone surrogates included), filled on first use. */
const unitClasses = new Uint8Array(0x10000);
/** Classes of astral code points seen so far. */
const astralClasses = new Map<number, number>();
/** Width in UTF-16 units of the code point last classified by `classAt`. */
let width = 1;

/** Class bits of the code point at `i`; sets `width`. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      width = 2;
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let k = astralClasses.get(cp);
      if (k === undefined) { k = classify(String.fromCodePoint(cp)); astralClasses.set(cp, k); }
      return k;
    }
  }
  width = 1;
  let k = unitClasses[c];
  if (k === 0) { k = classify(String.fromCharCode(c)); unitClasses[c] = k; }
  return k;
}

/** End of the run of digit code points starting at `i`. */
function digitsEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && (classAt(text, j) & DIGIT) !== 0) j += width;
  return j;
}

/** End of the number token starting at digit `i`, or -1 when the digits run on into a word ("9M730"). */
function numberEnd(text: string, i: number): number {
  const n = text.length;
  let last = digitsEnd(text, i);
  let previous = -1;
  while (last + 1 < n) {
    const c = text.charCodeAt(last);
    if ((c !== 46 && c !== 44) || (classAt(text, last + 1) & DIGIT) === 0) break;
    previous = last;
    last = digitsEnd(text, last + 1);
  }
  if (last >= n || (classAt(text, last) & WORD_CHAR) === 0) return last;
  return previous;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a hash of the first `n` UTF-16 units of `s` (all of it by default): what token hashes hold. */
export function hashString(s: string, n = s.length): number {
  let h = FNV_OFFSET;
  const end = n < s.length ? n : s.length;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** hashString of the last `n` UTF-16 units of `s` (all of it when shorter), without cutting them out. */
export function hashTail(s: string, n: number): number {
  let h = FNV_OFFSET;
  for (let i = s.length > n ? s.length - n : 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Class bits of the ASCII characters, the common case the scanner reads without a call. */
const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, c) => classify(String.fromCharCode(c)));
/** The one-character strings of ASCII, so punctuation tokens cut no new strings. */
const ASCII_STRINGS = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));

/**
 * Scratch arrays the scanner writes into, reused from text to text (grown by doubling); a finished
 * table copies its rows into one buffer of the exact size.
 */
class Scratch {
  starts: Int32Array = new Int32Array(1024);
  ends: Int32Array = new Int32Array(1024);
  hashes: Int32Array = new Int32Array(1024);
  prefixHashes: Int32Array = new Int32Array(1024);
  kinds: Uint8Array = new Uint8Array(1024);
  upper: Uint8Array = new Uint8Array(1024);
  /** Reused from text to text (its first `length` entries are this text's); a table copies them out. */
  folded: string[] = [];
  length = 0;

  push(start: number, end: number, kind: TokenKind, upper: number, folded: string, hash: number, prefixHash: number): void {
    const k = this.length;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.kinds[k] = kind;
    this.upper[k] = upper;
    this.hashes[k] = hash;
    this.prefixHashes[k] = prefixHash;
    if (k < this.folded.length) this.folded[k] = folded; else this.folded.push(folded);
    this.length = k + 1;
  }

  /** Pushes a token whose hashes are still to be computed from its folded form. */
  pushFolded(start: number, end: number, kind: TokenKind, upper: number, folded: string): void {
    let h = FNV_OFFSET;
    let prefix = FNV_OFFSET;
    for (let i = 0; i < folded.length; i++) {
      h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
      if (i === PREFIX_KEY_CHARS - 1) prefix = h;
    }
    this.push(start, end, kind, upper, folded, h, folded.length > PREFIX_KEY_CHARS ? prefix : h);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    this.starts = grownInt32(this.starts, size);
    this.ends = grownInt32(this.ends, size);
    this.hashes = grownInt32(this.hashes, size);
    this.prefixHashes = grownInt32(this.prefixHashes, size);
    this.kinds = grownUint8(this.kinds, size);
    this.upper = grownUint8(this.upper, size);
  }
}

function grownInt32(a: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

function grownUint8(a: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(a);
  return out;
}

const scratch = new Scratch();

/*
 * Folded forms of recent short words, so that a word seen before costs no new string: most words of a text
 * were seen in earlier texts. Direct-mapped on the word's hash (a newer word takes an older one's slot), so
 * the cache stays small; only words shorter than V8's sliced-string threshold are kept, because a longer
 * slice would hold on to the whole text it was cut from.
 */
const CACHE_SLOTS = 1 << 14;
const CACHE_MAX_LENGTH = 12;
/** Folded ASCII words, by hash of the folded word. */
const asciiWords: (string | undefined)[] = new Array(CACHE_SLOTS).fill(undefined);
/** Non-ASCII words as written and their folded forms, by hash of the word as written. */
const unicodeRaw: (string | undefined)[] = new Array(CACHE_SLOTS).fill(undefined);
const unicodeFolded: string[] = new Array(CACHE_SLOTS).fill('');

const cacheSlot = (hash: number): number => (hash ^ (hash >>> 14)) & (CACHE_SLOTS - 1);

/** The folded form of the ASCII word text[i, j) whose folded hash is `hash`. */
function foldedAscii(text: string, i: number, j: number, hash: number, hasUpper: boolean): string {
  const n = j - i;
  if (n > CACHE_MAX_LENGTH) return hasUpper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
  const slot = cacheSlot(hash);
  const known = asciiWords[slot];
  if (known !== undefined && known.length === n) {
    // ASCII word characters are letters and digits: | 0x20 lower-cases the letters and keeps the digits.
    let k = 0;
    while (k < n && (text.charCodeAt(i + k) | 0x20) === known.charCodeAt(k)) k++;
    if (k === n) return known;
  }
  const folded = hasUpper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
  asciiWords[slot] = folded;
  return folded;
}

/** The folded form of text[i, j), a token with a non-ASCII character. */
function foldedUnicode(text: string, i: number, j: number): string {
  const n = j - i;
  if (n > CACHE_MAX_LENGTH) return foldNonAscii(text.slice(i, j));
  let h = FNV_OFFSET;
  for (let k = i; k < j; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  const slot = cacheSlot(h);
  const known = unicodeRaw[slot];
  if (known !== undefined && known.length === n) {
    let k = 0;
    while (k < n && text.charCodeAt(i + k) === known.charCodeAt(k)) k++;
    if (k === n) return unicodeFolded[slot];
  }
  const raw = text.slice(i, j);
  const folded = foldNonAscii(raw);
  unicodeRaw[slot] = raw;
  unicodeFolded[slot] = folded;
  return folded;
}

/** Hash of each ASCII character as a one-character token. */
const ASCII_HASHES = Int32Array.from({ length: 0x80 }, (_, c) => Math.imul(FNV_OFFSET ^ c, FNV_PRIME));

/** Scans `text` into the scratch arrays in one pass over its characters. */
function scan(text: string, sink: Scratch): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let cls: number;
    let w = 1;
    if (c < 0x80) cls = ASCII_CLASSES[c];
    else { cls = classAt(text, i); w = width; }
    if ((cls & SPACE) !== 0) { i += w; continue; }
    const upper = w === 1 && (cls & UPPER) !== 0 ? 1 : 0;
    if ((cls & DIGIT) !== 0) {
      const end = numberEnd(text, i);
      if (end > 0) {
        sink.pushFolded(i, end, TokenKind.Number, 0, fold(text.slice(i, end)));
        i = end;
        continue;
      }
    }
    if ((cls & WORD_CHAR) === 0) {
      if (c < 0x80) sink.push(i, i + 1, TokenKind.Punct, 0, ASCII_STRINGS[c], ASCII_HASHES[c], ASCII_HASHES[c]);
      else sink.pushFolded(i, i + w, TokenKind.Punct, upper, foldedUnicode(text, i, i + w));
      i += w;
      continue;
    }
    let j = i;
    let letterOrDigit = false;
    let asciiUpper = false;
    let nonAscii = false;
    let h = FNV_OFFSET;
    let prefix = FNV_OFFSET;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 0x80) {
        const k = ASCII_CLASSES[d];
        if ((k & WORD_CHAR) === 0) break;
        letterOrDigit = true;
        if ((k & UPPER) !== 0) {
          asciiUpper = true;
          h = Math.imul(h ^ (d | 0x20), FNV_PRIME);
        } else h = Math.imul(h ^ d, FNV_PRIME);
        if (j - i === PREFIX_KEY_CHARS - 1) prefix = h;
        j++;
      } else {
        const k = classAt(text, j);
        if ((k & WORD_CHAR) === 0) break;
        if ((k & (LETTER | DIGIT)) !== 0) letterOrDigit = true;
        nonAscii = true;
        j += width;
      }
    }
    const kind = letterOrDigit ? TokenKind.Word : TokenKind.Punct;
    if (nonAscii) sink.pushFolded(i, j, kind, upper, foldedUnicode(text, i, j));
    else sink.push(i, j, kind, upper, foldedAscii(text, i, j, h, asciiUpper), h, j - i > PREFIX_KEY_CHARS ? prefix : h);
    i = j;
  }
}

/** The token table of a text: parallel arrays of offsets, kinds and folded forms. */
export class TokenTable {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  /** 1 when the token's first UTF-16 unit is an upper-case letter (what `/^\p{Lu}/u.test(text[start])` tells). */
  readonly upper: Uint8Array;
  /** `hashString` of every folded token, for filters that rule out most tokens before a map lookup. */
  readonly hashes: Int32Array;
  /** `hashString` of every token's prefix key (see `prefixKey`). */
  readonly prefixHashes: Int32Array;
  /** Folded (lower-case, diacritic-free) form of every token. */
  readonly folded: string[];
  readonly length: number;

  private constructor(sink: Scratch) {
    const n = sink.length;
    this.length = n;
    const block = zeroedInt32(n * 4 + ((n * 2 + 3) >> 2));
    const buffer = block.buffer;
    const at = block.byteOffset;
    this.starts = copyInt32(sink.starts, new Int32Array(buffer, at, n));
    this.ends = copyInt32(sink.ends, new Int32Array(buffer, at + n * 4, n));
    this.hashes = copyInt32(sink.hashes, new Int32Array(buffer, at + n * 8, n));
    this.prefixHashes = copyInt32(sink.prefixHashes, new Int32Array(buffer, at + n * 12, n));
    this.kinds = copyUint8(sink.kinds, new Uint8Array(buffer, at + n * 16, n));
    this.upper = copyUint8(sink.upper, new Uint8Array(buffer, at + n * 17, n));
    this.folded = sink.folded.slice(0, n);
  }

  /** Tokenises `text` in one pass over its characters. */
  static of(text: string): TokenTable {
    scratch.length = 0;
    scan(text, scratch);
    return new TokenTable(scratch);
  }

  /** The first PREFIX_KEY_CHARS characters of folded token `i` (callers test `prefixHashes` first: few tokens get here). */
  prefixKey(i: number): string {
    const f = this.folded[i];
    return f.length > PREFIX_KEY_CHARS ? f.slice(0, PREFIX_KEY_CHARS) : f;
  }

  /** Index of the first token that starts at or after `offset` (binary search). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function copyInt32(from: Int32Array, to: Int32Array): Int32Array {
  for (let k = 0; k < to.length; k++) to[k] = from[k];
  return to;
}

function copyUint8(from: Uint8Array, to: Uint8Array): Uint8Array {
  for (let k = 0; k < to.length; k++) to[k] = from[k];
  return to;
}

/** Splits a name or phrase into folded tokens the same way texts are tokenised. */
export function foldedTokens(phrase: string): string[] {
  return TokenTable.of(phrase).folded;
}

/** Splits a phrase into its original-case tokens. */
export function rawTokens(phrase: string): string[] {
  const t = TokenTable.of(phrase);
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) out.push(phrase.slice(t.starts[i], t.ends[i]));
  return out;
}
