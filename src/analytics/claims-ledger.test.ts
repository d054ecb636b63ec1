import { describe, expect, it } from 'vitest';
import type { ClaimItem } from '../pipeline/analysis.js';
import type { StoredClaim } from '../store/store.js';
import { claimsBalance, claimsLedger, conflicting } from './claims-ledger.js';

let n = 0;
const claim = (holder: string | null, quantity: number, date: string | null, item: ClaimItem = 'nuclear warheads', source: string | null = null): StoredClaim => ({
  articleId: `c${++n}`, date, lang: 'en', title: `t${n}`, holder, holderId: holder ? `loc.${holder.toLowerCase()}` : null,
  quantity, approx: false, item, source, evidence: { start: 0, end: 4, text: String(quantity) }, rule: null,
});

describe('conflicting', () => {
  it('flags values more than 10% apart only', () => {
    expect(conflicting(1550, 1600)).toBe(false);
    expect(conflicting(1550, 2000)).toBe(true);
    expect(conflicting(100, 110)).toBe(false);
    expect(conflicting(100, 112)).toBe(true);
  });
});

describe('claimsLedger', () => {
  const claims = [
    claim('Russia', 1550, '2023-03-01', 'nuclear warheads', 'Analysts'),
    claim('Russia', 2000, '2023-02-01'),
    claim('Russia', 1600, '2023-04-01'),
    claim('United States', 1420, '2023-03-05'),
    claim('United States', 1400, null),
    claim('Russia', 46, '2023-03-01', 'ICBMs'),
    claim(null, 12500, '2023-01-10'),
  ];

  it('groups estimates by holder and item, oldest first', () => {
    const ledger = claimsLedger(claims);
    const russia = ledger.find((e) => e.holder === 'Russia' && e.item === 'nuclear warheads');
    expect(russia?.estimates.map((e) => e.quantity)).toEqual([2000, 1550, 1600]);
    expect(russia?.estimates[1]).toMatchObject({ source: 'Analysts', date: '2023-03-01' });
    expect(ledger.find((e) => e.holder === 'United States')?.estimates.map((e) => e.date)).toEqual(['2023-03-05', null]);
    expect(ledger.find((e) => e.holder === null)?.estimates).toHaveLength(1);
    expect(ledger).toHaveLength(4);
  });

  it('flags conflicting estimates side by side and lists them first', () => {
    const ledger = claimsLedger(claims);
    expect(ledger[0]).toMatchObject({ holder: 'Russia', item: 'nuclear warheads', conflict: true });
    expect([ledger[0].low?.quantity, ledger[0].high?.quantity]).toEqual([1550, 2000]);
    const us = ledger.find((e) => e.holder === 'United States');
    expect(us).toMatchObject({ conflict: false, low: null, high: null });
  });
});

describe('claimsBalance', () => {
  it('gives each holder its latest dated estimate per item, largest first', () => {
    const balance = claimsBalance([
      claim('Russia', 2000, '2023-02-01'), claim('Russia', 1600, '2023-04-01'),
      claim('United States', 1420, '2023-03-05'), claim('United States', 1300, null), claim('China', 410, '2023-06-01'),
    ]);
    expect(balance).toHaveLength(1);
    expect(balance[0].holders.map((h) => [h.holder, h.latest.quantity])).toEqual([['Russia', 1600], ['United States', 1420], ['China', 410]]);
  });

  it('returns nothing for no claims', () => {
    expect(claimsBalance([])).toEqual([]);
    expect(claimsLedger([])).toEqual([]);
  });
});
