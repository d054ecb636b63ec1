import type { TokenTable } from './token-table.js';

/**
 * A set of the folded forms of some tokens of one table, probed by the token hashes the table already
 * holds: no string hashing and no allocation per token. `reset` reuses the slots for the next table.
 */
export class TokenSet {
  /** Token index + 1 of each member, 0 for an empty slot (open addressing). */
  private slots = new Int32Array(1024);
  private mask = 1023;
  private tokens: TokenTable | null = null;

  /** Empties the set and binds it to `tokens`, sized for up to `tokens.length` members. */
  reset(tokens: TokenTable): void {
    this.tokens = tokens;
    let size = this.slots.length;
    while (size < tokens.length * 2) size *= 2;
    if (size !== this.slots.length) {
      this.slots = new Int32Array(size);
      this.mask = size - 1;
    } else this.slots.fill(0);
  }

  /** Adds the folded form of token `i`. */
  add(i: number): void {
    const slot = this.find(i);
    if (this.slots[slot] === 0) this.slots[slot] = i + 1;
  }

  /** True when a member has the folded form of token `i`. */
  has(i: number): boolean {
    return this.slots[this.find(i)] !== 0;
  }

  /** The slot holding token `i`'s form, or the empty slot where it goes. */
  private find(i: number): number {
    const { hashes, folded } = this.tokens!;
    const h = hashes[i];
    let slot = (h ^ (h >>> 16)) & this.mask;
    for (;;) {
      const j = this.slots[slot] - 1;
      if (j < 0 || (hashes[j] === h && folded[j] === folded[i])) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
