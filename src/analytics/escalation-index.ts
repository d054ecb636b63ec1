import type { EventType } from '../pipeline/analysis.js';

/** Events of one type in one period: how many and the sum of their intensities (0–10 each). */
export interface TypeVolume { count: number; intensitySum: number }

/** The per-type event volumes of one period. */
export type PeriodVolumes = Partial<Record<EventType, TypeVolume>>;

/** How much each escalatory event type weighs; REASSURE is handled apart, as relief. */
export const ESCALATION_WEIGHTS: Readonly<Record<Exclude<EventType, 'REASSURE'>, number>> = {
  THREATEN: 1.0,
  DEPLOY: 0.9,
  POSTURE: 0.8,
  EXERCISE: 0.6,
  TREATY: 0.6,
  SANCTION: 0.4,
  CONDEMN: 0.3,
  ASSESS: 0.2,
};

/** Relief per reassurance, in the unit of heat (one weight-1 event at intensity 10 = 1). */
export const RELIEF_PER_REASSURANCE = 0.5;
/** The volume of net heat at which the index reaches 10·(1 − 1/e) ≈ 6.3. */
export const ESCALATION_BASELINE = 2;

export interface EscalationScore {
  /** Σ weight(type) · intensitySum(type) / 10 over escalatory types. */
  heat: number;
  /** RELIEF_PER_REASSURANCE · number of REASSURE events. */
  relief: number;
  /** 0–10: 10 · (1 − exp(−max(0, heat − relief) / ESCALATION_BASELINE)), rounded to 2 decimals. */
  index: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The escalation index of one period (docs/escalation-index.md): weighted intensity minus reassurance, saturating at 10. */
export function escalationIndex(volumes: PeriodVolumes): EscalationScore {
  let heat = 0;
  for (const [type, weight] of Object.entries(ESCALATION_WEIGHTS) as [keyof typeof ESCALATION_WEIGHTS, number][]) {
    const v = volumes[type];
    if (v) heat += (weight * v.intensitySum) / 10;
  }
  const relief = RELIEF_PER_REASSURANCE * (volumes.REASSURE?.count ?? 0);
  const net = Math.max(0, heat - relief);
  return { heat: round2(heat), relief: round2(relief), index: round2(10 * (1 - Math.exp(-net / ESCALATION_BASELINE))) };
}
