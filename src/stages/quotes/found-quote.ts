import type { Doc } from '../../doc/doc.js';
import type { QuoteRecord } from '../../pipeline/analysis.js';
import type { Speaker } from './speaker.js';

/** A quote record with the speaker resolution behind it (kept inside the stage). */
export interface FoundQuote { record: QuoteRecord; speaker: Speaker }

/** The contract record of a found quote, speaker named by its canonical entity name. */
export function toRecord(doc: Doc, start: number, end: number, speaker: Speaker, direct: boolean, rule: string): FoundQuote {
  const { mention, via } = speaker;
  return {
    record: {
      speaker: mention.name,
      speakerId: mention.id,
      text: doc.text.slice(start, end),
      direct,
      span: doc.span(start, end),
      rule: via === 'named' ? rule : `${rule}.${via}`,
    },
    speaker,
  };
}
