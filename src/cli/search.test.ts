import { describe, expect, it } from 'vitest';
import { markHits } from './search.js';

const hit = { snippet: 'Putin said Russia would station weapons in Belarus.', highlights: [{ start: 43, end: 50 }, { start: 0, end: 5 }] };

describe('markHits', () => {
  it('marks hits with «» off a terminal, in text order', () => {
    expect(markHits(hit, false)).toBe('«Putin» said Russia would station weapons in «Belarus».');
  });

  it('marks hits in bold on a terminal', () => {
    expect(markHits(hit, true)).toBe('\x1b[1mPutin\x1b[22m said Russia would station weapons in \x1b[1mBelarus\x1b[22m.');
  });

  it('skips overlapping highlights and flattens line breaks', () => {
    expect(markHits({ snippet: 'ab\ncd', highlights: [{ start: 0, end: 4 }, { start: 1, end: 2 }] }, false)).toBe('«ab c»d');
  });
});
