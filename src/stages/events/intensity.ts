import type { EventType } from '../../pipeline/analysis.js';

export interface IntensityInput {
  base: number;
  type: EventType;
  /** The cue was negated and the event turned into another type (a negated threat is a reassurance). */
  flipped: boolean;
  hypothetical: boolean;
  /** The actor is a head of state or government, minister or other office holder speaking in person. */
  seniorSpeaker: boolean;
}

/** Intensity 0–10 of docs/intensity-scale.md: the cue's base, adjusted for negation, conditionals and who speaks. */
export function intensityOf(input: IntensityInput): number {
  let v = input.base;
  if (input.flipped) v = input.type === 'REASSURE' ? 1 : Math.min(v, 4);
  if (input.hypothetical) v -= 2;
  if (input.seniorSpeaker && (input.type === 'THREATEN' || input.type === 'POSTURE')) v += 1;
  return Math.max(0, Math.min(10, Math.round(v)));
}
