import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexKey, indexText } from './text-index.js';

/** indexText as the Unicode-property regex defines its words. */
const byRegex = (text: string, lang: string | null): string =>
  [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => indexKey(m[0], lang)).join(' ');

describe('indexText', () => {
  it('folds and stems each word for the language', () => {
    expect(indexText('Poetin plaatst kernwapens in Wit-Rusland.', 'nl')).toBe('poetin plaatst kernwap in wit rusland');
    expect(indexText('Übung: Iskander-Raketen', 'de')).toBe(indexKey('Übung', 'de') + ' iskand raket');
  });

  it('finds the same words as the Unicode letter, number and mark classes', () => {
    for (const text of ['\u0301 abc', 'a\u{1D7CE}b \u{1F4A5} c\ud800d', '核兵器の 使用', 'x\u00a0y—z', '']) {
      expect(indexText(text, 'en')).toBe(byRegex(text, 'en'));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => { expect(indexText(text, 'nl')).toBe(byRegex(text, 'nl')); }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'é', 'e\u0301', ' ', '-', '7', '\u{1D7CE}', '\u{1F4A5}', 'ß'), maxLength: 30 }),
      (text) => { expect(indexText(text, 'de')).toBe(byRegex(text, 'de')); }));
  });
});
