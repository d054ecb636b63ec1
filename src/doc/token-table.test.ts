import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';
import { hashString, hashTail, PREFIX_KEY_CHARS, TokenKind, TokenTable, foldedTokens } from './token-table.js';

/** The token pattern the scanner implements, as a regex: the reference it is checked against. */
const REFERENCE = /(\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}\p{N}]))|([\p{L}\p{M}\p{N}]+)|[^\s\p{L}\p{M}\p{N}]/gu;

function referenceTokens(text: string): unknown[] {
  const out: unknown[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m !== null; m = REFERENCE.exec(text)) {
    const kind = m[1] !== undefined ? TokenKind.Number : m[2] !== undefined && /[\p{L}\p{N}]/u.test(m[0]) ? TokenKind.Word : TokenKind.Punct;
    out.push([m.index, m.index + m[0].length, kind, fold(m[0]), /^\p{Lu}/u.test(text[m.index]) ? 1 : 0]);
  }
  return out;
}

function scannedTokens(text: string): unknown[] {
  const t = TokenTable.of(text);
  return Array.from({ length: t.length }, (_, i) => [t.starts[i], t.ends[i], t.kinds[i], t.folded[i], t.upper[i]]);
}

function randomTexts(count: number): string[] {
  const chars = [..."aeAZ09ßéÉëİΣς ЖПр’'`.,;:-–\n\t\u00a0\u00ad\u0301\u0307\u200b\u2009😀𝐀𝟎٣²½\"«»“”\ud800"];
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  return Array.from({ length: count }, () => {
    let s = '';
    const length = Math.floor(next() * 40);
    for (let i = 0; i < length; i++) s += chars[Math.floor(next() * chars.length)];
    return s;
  });
}

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

  it('finds the same tokens as the token pattern, on mixed scripts, digits, marks and lone surrogates', () => {
    const samples = ['Het VN-verdrag (2017) telt 1.550 kernkoppen; 3,5% meer dan in 2022.', 'É a 9M730 «Boerevestnik» 2.000x 1.5a', ...randomTexts(3000)];
    for (const text of samples) expect(scannedTokens(text)).toEqual(referenceTokens(text));
  });

  it('keeps the hash of every folded token and of its prefix key', () => {
    const t = TokenTable.of('Kernwapens en de Oekraïne, ja: Straße 2022!');
    for (let i = 0; i < t.length; i++) {
      expect(t.hashes[i]).toBe(hashString(t.folded[i]));
      expect(t.prefixHashes[i]).toBe(hashString(t.prefixKey(i)));
      expect(t.prefixKey(i)).toBe(t.folded[i].slice(0, PREFIX_KEY_CHARS));
      expect(hashTail(t.folded[i], 3)).toBe(hashString(t.folded[i].slice(-3)));
    }
    expect(hashTail('ab', 3)).toBe(hashString('ab'));
  });

  it('gives every table its own arrays', () => {
    const a = TokenTable.of('een twee drie');
    const b = TokenTable.of('vier vijf');
    expect(Array.from(a.starts)).toEqual([0, 4, 9]);
    expect(Array.from(b.starts)).toEqual([0, 5]);
    expect(a.folded).toEqual(['een', 'twee', 'drie']);
  });

  it('finds the token at an offset by binary search', () => {
    const t = TokenTable.of('een twee drie');
    expect(t.indexAt(4)).toBe(1);
    expect(t.indexAt(5)).toBe(2);
    expect(t.indexAt(100)).toBe(3);
  });
});
