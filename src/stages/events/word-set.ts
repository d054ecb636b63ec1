import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import { fold } from '../../doc/fold.js';
import { foldedTokens, type TokenTable } from '../../doc/token-table.js';

const KEY_CHARS = 3;

/**
 * Cue words compiled for matching over folded tokens: whole words and phrases (`word*` prefixes)
 * through a PhraseMatcher, plus one-token suffixes written `*word` ("*übung" matches "Atomübung").
 */
export class WordSet<T> {
  private readonly phrases = new PhraseMatcher<T[]>();
  private readonly byPhrase = new Map<string, T[]>();
  private readonly suffixes: { suffix: string; value: T }[] = [];
  /** First tokens of exact phrases, and the first three letters of prefix phrases: a cheap pre-check. */
  private readonly firstWords = new Set<string>();
  private readonly firstKeys = new Set<string>();

  /** Adds a word or phrase; several values may share one phrase. */
  add(word: string, value: T): void {
    const w = word.trim();
    if (w.startsWith('*') && w.length > 1 && !w.includes(' ')) {
      this.suffixes.push({ suffix: fold(w.slice(1)), value });
      return;
    }
    const key = fold(w);
    const list = this.byPhrase.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
      return;
    }
    const fresh = [value];
    this.byPhrase.set(key, fresh);
    this.phrases.add(w, fresh);
    const first = foldedTokens(w.split(/\s+/)[0].replace(/\*$/, ''))[0];
    if (first !== undefined) {
      if (/^\S+\*(\s|$)/.test(w) && foldedTokens(w.split(/\s+/)[0].replace(/\*$/, '')).length === 1) this.firstKeys.add(first.slice(0, KEY_CHARS));
      else this.firstWords.add(first);
    }
  }

  /** Adds every word of a list with the same value. */
  addAll(words: Iterable<string>, value: T): this {
    for (const w of words) this.add(w, value);
    return this;
  }

  /** The longest match starting at token `i`: its length in tokens and the values it carries. */
  at(tokens: TokenTable, i: number): { length: number; values: T[] } | null {
    const t = tokens.folded[i];
    const hit = this.firstWords.has(t) || (t.length >= KEY_CHARS && this.firstKeys.has(t.slice(0, KEY_CHARS)))
      ? this.phrases.longestAt(tokens, i) : null;
    if (hit) return { length: hit.length, values: hit.value };
    if (this.suffixes.length === 0) return null;
    let values: T[] | null = null;
    for (const s of this.suffixes) {
      if (t.length > s.suffix.length && t.endsWith(s.suffix)) (values ??= []).push(s.value);
    }
    return values ? { length: 1, values } : null;
  }

  /** True when a match starts at token `i`. */
  has(tokens: TokenTable, i: number): boolean {
    return this.at(tokens, i) !== null;
  }

  /** True when a match starts anywhere in tokens [from, to). */
  anyIn(tokens: TokenTable, from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.at(tokens, i)) return true;
    return false;
  }
}
