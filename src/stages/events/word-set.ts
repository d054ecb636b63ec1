import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import { fold } from '../../doc/fold.js';
import { HashFilter } from '../../doc/hash-filter.js';
import { foldedTokens, hashTail, PREFIX_KEY_CHARS, type TokenTable } from '../../doc/token-table.js';

const KEY_CHARS = PREFIX_KEY_CHARS;

/** A match: its length in tokens and the values of the matched word or phrase. */
export interface WordMatch<T> { readonly length: number; readonly value: T[] }

/** The last KEY_CHARS letters of folded token `i` (cut on demand: only tokens that pass the suffix filter get here). */
function suffixKey(tokens: TokenTable, i: number): string {
  const f = tokens.folded[i];
  return f.length > KEY_CHARS ? f.slice(-KEY_CHARS) : f;
}

/**
 * Cue words compiled for matching over folded tokens: whole words and phrases (`word*` prefixes)
 * through a PhraseMatcher, plus one-token suffixes written `*word` ("*übung" matches "Atomübung"; at least 3 letters).
 */
export class WordSet<T> {
  private readonly phrases = new PhraseMatcher<T[]>();
  private readonly byPhrase = new Map<string, T[]>();
  /** One-token suffixes keyed by their last KEY_CHARS letters. */
  private readonly suffixes = new Map<string, { suffix: string; value: T }[]>();
  /** First tokens of exact phrases, and the first three letters of prefix phrases: a cheap pre-check. */
  private readonly firstWords = new Set<string>();
  private readonly firstKeys = new Set<string>();
  /** Filters over firstWords and firstKeys by the token table's hashes: most tokens are ruled out without a lookup. */
  private readonly firstWordFilter = new HashFilter();
  private readonly firstKeyFilter = new HashFilter();
  private readonly suffixKeyFilter = new HashFilter();

  /** Adds a word or phrase; several values may share one phrase. */
  add(word: string, value: T): void {
    const w = word.trim();
    if (w.startsWith('*') && w.length > 1 && !w.includes(' ')) {
      const suffix = fold(w.slice(1));
      const key = suffix.slice(-KEY_CHARS);
      const list = this.suffixes.get(key);
      if (list) list.push({ suffix, value }); else this.suffixes.set(key, [{ suffix, value }]);
      this.suffixKeyFilter.add(key);
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
      if (/^\S+\*(\s|$)/.test(w) && foldedTokens(w.split(/\s+/)[0].replace(/\*$/, '')).length === 1) {
        this.firstKeys.add(first.slice(0, KEY_CHARS));
        this.firstKeyFilter.add(first.slice(0, KEY_CHARS));
      } else {
        this.firstWords.add(first);
        this.firstWordFilter.add(first);
      }
    }
  }

  /** Adds every word of a list with the same value. */
  addAll(words: Iterable<string>, value: T): this {
    for (const w of words) this.add(w, value);
    return this;
  }

  /** The longest match starting at token `i`: its length in tokens and the values it carries. */
  at(tokens: TokenTable, i: number): WordMatch<T> | null {
    const t = tokens.folded[i];
    if ((this.firstWordFilter.has(tokens.hashes[i]) && this.firstWords.has(t))
      || (t.length >= KEY_CHARS && this.firstKeyFilter.has(tokens.prefixHashes[i]) && this.firstKeys.has(tokens.prefixKey(i)))) {
      const hit = this.phrases.longestAt(tokens, i);
      if (hit) return hit;
    }
    if (this.suffixes.size === 0 || t.length <= KEY_CHARS || !this.suffixKeyFilter.has(hashTail(t, KEY_CHARS))) return null;
    const list = this.suffixes.get(suffixKey(tokens, i));
    if (!list) return null;
    let value: T[] | null = null;
    for (const s of list) {
      if (t.length > s.suffix.length && t.endsWith(s.suffix)) (value ??= []).push(s.value);
    }
    return value ? { length: 1, value } : null;
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
