import { fold } from './fold.js';

export const enum TokenKind { Word = 1, Number = 2, Punct = 3 }

/** Words (letters, marks, digits; soft hyphens inside), numbers with group separators (2.000, 1,550, 3.5), or one other non-space character. */
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT_START = /^\p{N}/u;

/** The token table of a text: parallel arrays of offsets, kinds and folded forms. */
export class TokenTable {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  /** Folded (lower-case, diacritic-free) form of every token. */
  readonly folded: string[];
  readonly length: number;

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
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
      const t = m[0];
      starts.push(m.index);
      ends.push(m.index + t.length);
      kinds.push(!LETTER_OR_DIGIT.test(t) ? TokenKind.Punct : DIGIT_START.test(t) && /^[\p{N}.,]+$/u.test(t) ? TokenKind.Number : TokenKind.Word);
      folded.push(fold(t));
    }
    return new TokenTable(Int32Array.from(starts), Int32Array.from(ends), Uint8Array.from(kinds), folded);
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
