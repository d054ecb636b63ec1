import { describe, expect, it } from 'vitest';
import { makeSnippet, snippetFor } from './snippet.js';
import { indexKey } from './text-index.js';

const keys = (words: string[], lang: string) => new Set(words.map((w) => indexKey(w, lang)));

describe('makeSnippet', () => {
  it('returns the first sentence holding a stemmed hit with the original words highlighted', () => {
    const text = 'Het weer was goed. Daarna sprak men over kernwapens en nog eens Kernwapen! Einde.';
    const s = makeSnippet(text, 'nl', keys(['kernwapen'], 'nl'))!;
    expect(s.snippet).toBe('Daarna sprak men over kernwapens en nog eens Kernwapen!');
    expect(s.highlights.map((h) => s.snippet.slice(h.start, h.end))).toEqual(['kernwapens', 'Kernwapen']);
  });

  it('matches words with diacritics against folded keys', () => {
    const s = makeSnippet('Zorgen in Oekraïne.', 'nl', keys(['Oekraine'], 'nl'))!;
    expect(s.highlights.map((h) => s.snippet.slice(h.start, h.end))).toEqual(['Oekraïne']);
  });

  it('cuts a long sentence to a window around the hit on word boundaries', () => {
    const text = `${'lang woord '.repeat(60)}doel ${'meer tekst '.repeat(60)}`;
    const s = makeSnippet(text, null, new Set(['doel']))!;
    expect(s.snippet.length).toBeLessThanOrEqual(300);
    expect(s.snippet).toMatch(/^\S+ .* \S+$/);
    expect(s.snippet.slice(s.highlights[0].start, s.highlights[0].end)).toBe('doel');
  });

  it('falls back to the title, then to the start of the body', () => {
    expect(snippetFor('Titel met doel', 'Lichaam.', null, new Set(['doel'])).snippet).toBe('Titel met doel');
    expect(snippetFor(null, 'Lichaam zonder treffer.', null, new Set(['doel']))).toEqual({ snippet: 'Lichaam zonder treffer.', highlights: [] });
  });
});
