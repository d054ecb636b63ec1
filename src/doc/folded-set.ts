import { HashFilter } from './hash-filter.js';
import type { TokenTable } from './token-table.js';

/** A set of folded words with a hash filter in front: `hasToken` rules out most tokens without a string lookup. */
export class FoldedSet {
  private readonly words = new Set<string>();
  private readonly filter = new HashFilter();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  get size(): number { return this.words.size; }

  /** Adds a folded word. */
  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    this.filter.add(word);
  }

  /** True when the folded word is in the set. */
  has(word: string): boolean {
    return this.words.has(word);
  }

  /** True when the folded form of token `i` is in the set. */
  hasToken(tokens: TokenTable, i: number): boolean {
    return this.filter.has(tokens.hashes[i]) && this.words.has(tokens.folded[i]);
  }
}
