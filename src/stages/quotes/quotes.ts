import type { Doc } from '../../doc/doc.js';
import { zeroedUint8 } from '../../doc/slab.js';
import { defineStage } from '../../pipeline/define-stage.js';
import { findDirectQuotes } from './direct-quotes.js';
import { findIndirectQuotes } from './indirect-speech.js';
import { findQuotePairs, type QuotePair } from './quote-marks.js';
import { speakerContext } from './speaker.js';
import { loadSpeechCues } from './speech-cues.js';

function quotedTokens(doc: Doc, pairs: QuotePair[]): Uint8Array {
  const mask = zeroedUint8(doc.tokens.length);
  for (const p of pairs) mask.fill(1, doc.tokens.indexAt(p.start), doc.tokens.indexAt(p.end));
  return mask;
}

export const quotesStage = defineStage({
  name: 'quotes',
  requires: ['sentences', 'mentions'],
  assigns: ['quotes'],
  create: (_options, codebook) => {
    const cuesFor = loadSpeechCues(codebook);
    return (doc) => {
      const ctx = speakerContext(doc, cuesFor(doc.lang));
      const pairs = findQuotePairs(doc.text);
      const inQuote = quotedTokens(doc, pairs);
      const indirect = findIndirectQuotes(ctx, pairs, inQuote);
      const byEnd = [...indirect].sort((a, b) => a.record.span.end - b.record.span.end);
      const direct = findDirectQuotes(ctx, pairs, inQuote, byEnd);
      doc.quotes = [...direct, ...indirect].map((q) => q.record).sort((a, b) => a.span.start - b.span.start);
    };
  },
});
