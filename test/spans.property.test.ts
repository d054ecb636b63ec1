import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis, Span } from '../src/pipeline/analysis.js';
import { createPipeline } from '../src/pipeline/create.js';

const pipeline = createPipeline();

function allSpans(a: Analysis): Span[] {
  return [
    ...a.entities.flatMap((e) => e.mentions),
    ...a.quotes.map((q) => q.span),
    ...a.events.flatMap((e) => (e.cue ? [e.evidence, e.cue] : [e.evidence])),
    ...a.claims.map((c) => c.evidence),
    ...(a.dates ?? []),
  ];
}

const pieces = fc.constantFrom(
  'Poetin', 'Putin', 'Poutine', 'Medvedev', 'de Russische president', 'Wit-Rusland', 'VS', 'Navo', 'New START',
  'tactische kernwapens', 'zei hij', 'said', 'dreigt met', 'threatens', 'kernwapens', 'nuclear', '2.000', '1,550',
  "zo'n", 'ongeveer honderd', '‘', '’', '“', '”', '"', ',,', '„', '«', '»', '‹', '›', "'", '.', ',', ':', ' ', ' ', '\n',
  '\r\n', '\n\n', '\u200b', '\u200d', '\ufeff', 'e\u0301', 'Oekrai\u0308ne', '👩‍👩‍👧', '🚀', '\u00a0', '\t', 'woensdag',
  'John Erath', 'expert', 'volgens', 'according to', 'dat', 'that', 'Rusland', 'Yars', 'ICBM', '\ud83d', 'ß', 'İ',
);
const hostileText = fc.oneof(
  fc.array(pieces, { maxLength: 80 }).map((xs) => xs.join('')),
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((xs) => xs.join(' ')),
);

describe('spans on hostile input', () => {
  it('every span of every item equals body.slice(start, end)', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('nl', 'en', 'de', 'fr', undefined), (text, lang) => {
        const record = pipeline.analyze({ id: 'p', date: '2023-03', text, lang });
        for (const s of allSpans(record)) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
        for (const q of record.quotes) expect(q.text.length).toBeGreaterThan(0);
        for (const e of record.events) expect(e.intensity).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
