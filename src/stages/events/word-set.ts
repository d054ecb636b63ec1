import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import { fold } from '../../doc/fold.js';
import type { TokenTable } from '../../doc/token-table.js';

/**
 * Cue words compiled for matching over folded tokens: whole words and phrases (`word*` prefixes)
 * through a PhraseMatcher, plus one-token suffixes written `*word` ("*übung" matches "Atomübung").
 */
export class WordSet<T> {
  private readonly phrases = new PhraseMatcher<T[]>();
  private readonly byPhrase = new Map<string, T[]>();
  private readonly suffixes: { suffix: string; value: T }[] = [];

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
  }

  /** Adds every word of a list with the same value. */
  addAll(words: Iterable<string>, value: T): this {
    for (const w of words) this.add(w, value);
    return this;
  }

  /** The longest match starting at token `i`: its length in tokens and the values it carries. */
  at(tokens: TokenTable, i: number): { length: number; values: T[] } | null {
    const hit = this.phrases.longestAt(tokens, i);
    if (hit) return { length: hit.length, values: hit.value };
    if (this.suffixes.length === 0) return null;
    const t = tokens.folded[i];
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
