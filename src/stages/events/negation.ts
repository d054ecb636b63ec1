import type { EventScan } from './event-scan.js';

/** How far before a cue (in tokens) a negation or conditional still scopes over it. */
const NEGATION_WINDOW = 6;
const HYPOTHETICAL_WINDOW = 8;

export interface Modality { negated: boolean; denied: boolean; hypothetical: boolean }

function negationBefore(scan: EventScan, from: number, cue: number): boolean {
  const { negation, notNegation } = scan.hits;
  for (let i = cue - 1; i >= from; i--) {
    if (!negation[i]) continue;
    if (notNegation[i] || (i > 0 && notNegation[i - 1] >= 2)) continue;
    return true;
  }
  return false;
}

/**
 * Negation, denial and conditionality of the cue at token `cue` in the clause
 * starting at `clause`: a negation word shortly before the cue (not "niet alleen"), a denial verb
 * earlier in the sentence ("ontkent dat"), an "if/als/falls/si" or modal before it.
 */
export function modalityOf(scan: EventScan, clause: number, cue: number, sentenceStart: number): Modality {
  const negated = negationBefore(scan, Math.max(clause, cue - NEGATION_WINDOW), cue);
  const denied = cue > sentenceStart && scan.lastDenial[cue - 1] >= sentenceStart;
  let hypothetical = false;
  for (let i = Math.max(clause, cue - HYPOTHETICAL_WINDOW); i < cue; i++) if (scan.hits.hypothetical[i]) { hypothetical = true; break; }
  return { negated, denied, hypothetical };
}
