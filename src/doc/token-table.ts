import { fold } from './fold.js';

export const enum TokenKind { Word = 1, Number = 2, Punct = 3 }

/** Words (letters, marks, digits; soft hyphens inside), numbers with group separators (2.000, 1,550, 3.5), or one other non-space character. */
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
/** The same alternatives with the first two captured, so the match itself tells a number from a word. */
const TOKEN_KINDS = /(\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}]))|([\p{L}\p{M}\p{N}]+)|[^\s\p{L}\p{M}\p{N}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Characters of the key that prefix phrase parts are looked up by (see PhraseMatcher). */
export const PREFIX_KEY_CHARS = 3;

/** Kind of a word-alternative match: a word, or punctuation when it holds no letter or digit (a lone combining mark). */
function wordKind(t: string): TokenKind {
  const c = t.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return TokenKind.Word;
  return LETTER_OR_DIGIT.test(t) ? TokenKind.Word : TokenKind.Punct;
}

/** The token table of a text: parallel arrays of offsets, kinds and folded forms. */
export class TokenTable {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  /** Folded (lower-case, diacritic-free) form of every token. */
  readonly folded: string[];
  readonly length: number;
  private prefixKeys: string[] | null = null;

  private constructor(starts: Int32Array, ends: Int32Array, kinds: Uint8Array, folded: string[]) {
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
    this.folded = folded;
    this.length = folded.length;
  }

  /** Tokenises `text` in one regex pass. */
  static of(text: string): TokenTable {
    const starts: number[] = [];
    const ends: number[] = [];
    const kinds: number[] = [];
    const folded: string[] = [];
    TOKEN_KINDS.lastIndex = 0;
    for (let m = TOKEN_KINDS.exec(text); m !== null; m = TOKEN_KINDS.exec(text)) {
      const t = m[0];
      starts.push(m.index);
      ends.push(m.index + t.length);
      kinds.push(m[1] !== undefined ? TokenKind.Number : m[2] !== undefined ? wordKind(t) : TokenKind.Punct);
      folded.push(fold(t));
    }
    return new TokenTable(Int32Array.from(starts), Int32Array.from(ends), Uint8Array.from(kinds), folded);
  }

  /** The first PREFIX_KEY_CHARS characters of folded token `i`, cut once per table on first use. */
  prefixKey(i: number): string {
    if (!this.prefixKeys) this.prefixKeys = this.folded.map((f) => (f.length > PREFIX_KEY_CHARS ? f.slice(0, PREFIX_KEY_CHARS) : f));
    return this.prefixKeys[i];
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

/** Splits a name or phrase into folded tokens the same way texts are tokenised. */
export function foldedTokens(phrase: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(phrase); m !== null; m = TOKEN.exec(phrase)) out.push(fold(m[0]));
  return out;
}

/** Splits a phrase into its original-case tokens. */
export function rawTokens(phrase: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(phrase); m !== null; m = TOKEN.exec(phrase)) out.push(m[0]);
  return out;
}
