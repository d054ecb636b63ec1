import { describe, expect, it } from 'vitest';
import { TokenKind, TokenTable, foldedTokens } from './token-table.js';

const surfaces = (text: string) => {
  const t = TokenTable.of(text);
  return Array.from({ length: t.length }, (_, i) => text.slice(t.starts[i], t.ends[i]));
};

describe('TokenTable', () => {
  it('keeps Dutch and English thousands groups as one number token', () => {
    const text = 'Rusland heeft 2.000 wapens; the US has 1,550 and 3.5 percent.';
    const t = TokenTable.of(text);
    const nums = Array.from({ length: t.length }, (_, i) => i).filter((i) => t.kinds[i] === TokenKind.Number)
      .map((i) => text.slice(t.starts[i], t.ends[i]));
    expect(nums).toEqual(['2.000', '1,550', '3.5']);
  });

  it('splits hyphens and apostrophes into their own tokens so aliases match inside compounds', () => {
    expect(surfaces("Wit-Rusland en Russia's zo'n")).toEqual(['Wit', '-', 'Rusland', 'en', 'Russia', "'", 's', 'zo', "'", 'n']);
  });

  it('does not end a sentence number at a trailing full stop', () => {
    expect(surfaces('in 2022.')).toEqual(['in', '2022', '.']);
  });

  it('keeps designations with digits and letters together', () => {
    expect(surfaces('RS-24 Yars and 9M730')).toEqual(['RS', '-', '24', 'Yars', 'and', '9M730']);
  });

  it('folds case and diacritics', () => {
    expect(foldedTokens('Oekraïne Poutine Straße')).toEqual(['oekraine', 'poutine', 'strasse']);
  });

  it('finds the token at an offset by binary search', () => {
    const t = TokenTable.of('een twee drie');
    expect(t.indexAt(4)).toBe(1);
    expect(t.indexAt(5)).toBe(2);
    expect(t.indexAt(100)).toBe(3);
  });
});
