import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippet, snippetFor } from './snippet.js';
import { indexKey, words } from './text-index.js';

/** makeSnippet as first written (every word of the text tokenized up front), the reference for the lazy scan. */
function eagerSnippet(text: string, lang: string | null, keys: Set<string>) {
  const all = words(text);
  const first = all.find((w) => keys.has(indexKey(w.text, lang)));
  if (!first) return null;
  const SENTENCE_END = /[.!?…]["'”’»)]*\s+|\n\s*\n|\n/g;
  let start = 0;
  let end = text.length;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const boundary = m.index + m[0].length;
    if (boundary <= first.start) start = boundary;
    else { end = m.index + m[0].trimEnd().length; break; }
  }
  if (end - start > 300) {
    start = Math.max(start, first.start - 100);
    end = Math.min(end, start + 300);
    while (start > 0 && start < first.start && /[\p{L}\p{N}]/u.test(text[start - 1])) start++;
    while (end < text.length && end > first.end && /[\p{L}\p{N}]/u.test(text[end])) end--;
  }
  const raw = text.slice(start, end);
  const snippet = raw.trim();
  const offset = start + raw.length - raw.trimStart().length;
  const highlights = all
    .filter((w) => w.start >= offset && w.end <= offset + snippet.length && keys.has(indexKey(w.text, lang)))
    .map((w) => ({ start: w.start - offset, end: w.end - offset }));
  return { snippet, highlights };
}

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

  it('finds the same snippet and highlights as a scan of every word', () => {
    const word = fc.constantFrom('kernwapens', 'Kernwapen', 'raket', 'raketten', 'missiles', 'Missile', 'de', 'en', 'ß', 'Oekraïne', 'x1');
    const gap = fc.constantFrom(' ', ', ', '. ', '! ', '\n', '\n\n', '… ', '" ', ' (', '-');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 200 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    const query = fc.subarray(['kernwapen', 'raket', 'missile', 'oekraine', 'ss', 'x1']);
    fc.assert(fc.property(text, fc.constantFrom('nl', 'en', null), query, (t, lang, q) => {
      const keys = new Set(q.map((w) => indexKey(w, lang)));
      expect(makeSnippet(t, lang, keys)).toEqual(eagerSnippet(t, lang, keys));
    }), { numRuns: 500 });
  });
});

