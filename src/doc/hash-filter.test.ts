import { describe, expect, it } from 'vitest';
import { FoldedSet } from './folded-set.js';
import { HashFilter } from './hash-filter.js';
import { zeroedInt32, zeroedUint8 } from './slab.js';
import { TokenSet } from './token-set.js';
import { hashString, TokenTable } from './token-table.js';

describe('hash filters and token sets', () => {
  it('never rules out a word it holds, and rules out most others', () => {
    const filter = new HashFilter();
    const words = Array.from({ length: 2000 }, (_, i) => `woord${i}`);
    for (const w of words) filter.add(w);
    for (const w of words) expect(filter.has(hashString(w))).toBe(true);
    const passed = Array.from({ length: 2000 }, (_, i) => `ander${i}`).filter((w) => filter.has(hashString(w))).length;
    expect(passed).toBeLessThan(400);
  });

  it('answers for tokens of a table by their folded form', () => {
    const set = new FoldedSet(['zei', 'meldde']);
    const t = TokenTable.of('Poetin ZEI dat hij meldde');
    expect([0, 1, 2, 3, 4].map((i) => set.hasToken(t, i))).toEqual([false, true, false, false, true]);
    expect(set.has('zei')).toBe(true);
  });

  it('holds the folded forms of the tokens added for one table at a time', () => {
    const set = new TokenSet();
    const t = TokenTable.of('de Raad en de raad van Europa');
    set.reset(t);
    set.add(0);
    set.add(1);
    expect(set.has(3)).toBe(true);
    expect(set.has(4)).toBe(true);
    expect(set.has(6)).toBe(false);
    const u = TokenTable.of(Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' '));
    set.reset(u);
    for (let i = 0; i < u.length; i += 2) set.add(i);
    expect(set.has(10)).toBe(true);
    expect(set.has(11)).toBe(false);
  });

  it('hands out zeroed arrays that do not overlap', () => {
    const a = zeroedUint8(10).fill(1);
    const b = zeroedInt32(5);
    const big = zeroedUint8(1 << 20);
    expect(Array.from(b)).toEqual([0, 0, 0, 0, 0]);
    expect(a.every((x) => x === 1)).toBe(true);
    expect(big.length).toBe(1 << 20);
    expect(big[12345]).toBe(0);
  });
});
