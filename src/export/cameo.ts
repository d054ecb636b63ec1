import type { EventType, TreatyAction } from '../pipeline/analysis.js';

/** A CAMEO event code with its Goldstein value and GDELT quad class. */
export interface CameoEvent { code: string; goldstein: number; quadClass: 1 | 2 | 3 | 4 }

/** Goldstein values (CAMEO scale, -10 conflict … +10 cooperation) of the codes our crosswalk uses. */
export const GOLDSTEIN: Record<string, number> = {
  '010': 0.0, '012': -0.4, '030': 4.0, '0356': 7.0, '050': 3.5, '057': 8.0, '064': 7.0,
  '111': -2.0, '128': -5.0, '138': -7.0, '1385': -7.0, '1312': -5.8,
  '150': -7.2, '152': -7.2, '154': -7.2, '160': -4.0, '163': -8.0,
};

const TREATY_ACTION_CODE: Record<TreatyAction, string> = {
  sign: '057', ratify: '057', extend: '057', agree: '030', comply: '050', 'resume-data-exchange': '064',
  suspend: '160', withdraw: '160', 'de-ratify': '160', 'stop-data-exchange': '160', violate: '128',
};

const NUCLEAR = /nucle|atom|kern|wmd|warhead|sprengk|kopp/i;

/** What the crosswalk needs of an event. */
export interface EventFacts {
  type: EventType;
  weapon: string | null;
  intensity: number;
  hypothetical: boolean;
  action: TreatyAction | null;
  evidence: string;
}

/** The CAMEO code of one of our events (see docs/gdelt-crosswalk.md for the reasoning and where it is lossy). */
export function cameoCode(e: EventFacts): string {
  switch (e.type) {
    case 'THREATEN': return e.weapon !== null || NUCLEAR.test(e.evidence) ? '1385' : '138';
    case 'DEPLOY': return '154';
    case 'EXERCISE': return '150';
    case 'POSTURE': return '152';
    case 'TREATY': return e.action ? TREATY_ACTION_CODE[e.action] : '010';
    case 'CONDEMN': return '111';
    case 'SANCTION': return e.hypothetical ? '1312' : '163';
    case 'REASSURE': return '0356';
    case 'ASSESS': return e.intensity >= 5 ? '012' : '010';
  }
}

/** GDELT quad class of a CAMEO root: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict. */
export function quadClass(root: number): 1 | 2 | 3 | 4 {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

/** Code, Goldstein value and quad class of an event. */
export function cameoEvent(e: EventFacts): CameoEvent {
  const code = cameoCode(e);
  return { code, goldstein: GOLDSTEIN[code], quadClass: quadClass(Number(code.slice(0, 2))) };
}
