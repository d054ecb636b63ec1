import { hashString } from './token-table.js';

const MIN_BITS = 1024;
/** Bits per key: about one lookup in sixteen of an absent key passes. */
const BITS_PER_KEY = 16;

/**
 * A one-hash Bloom filter over `hashString` values: `has` answers false for most strings that were never
 * added, from a small bit table, so a token can be ruled out before a map lookup. Never a false negative.
 */
export class HashFilter {
  private bits = new Uint32Array(MIN_BITS >> 5);
  private mask = MIN_BITS - 1;
  private readonly keys: number[] = [];

  /** Adds a string (a folded token). */
  add(s: string): void {
    this.addHash(hashString(s));
  }

  /** Adds a hash as `hashString` computes it. */
  addHash(h: number): void {
    this.keys.push(h);
    if (this.keys.length * BITS_PER_KEY > this.mask + 1) this.rebuild((this.mask + 1) * 2);
    else this.set(h);
  }

  /** False when no string with this hash was added. */
  has(h: number): boolean {
    const b = (h ^ (h >>> 15)) & this.mask;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  private set(h: number): void {
    const b = (h ^ (h >>> 15)) & this.mask;
    this.bits[b >>> 5] |= 1 << (b & 31);
  }

  private rebuild(size: number): void {
    this.bits = new Uint32Array(size >> 5);
    this.mask = size - 1;
    for (const h of this.keys) this.set(h);
  }
}
