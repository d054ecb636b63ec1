import type { EntityMention } from '../../doc/doc.js';
import type { TreatyAction } from '../../pipeline/analysis.js';
import type { CueSite } from './event-actor.js';
import type { CueGroup } from './event-cues.js';
import { mentionsBetween } from './event-mentions.js';
import type { EventScan } from './event-scan.js';

/** How many sentences back a treaty named earlier still counts ("Dat verdrag ..."). */
const TREATY_LOOKBACK = 3;

/** The treaty act of a TREATY cue: the action (flipped when negated, "niet langer delen") and the treaty. */
export function treatyAction(scan: EventScan, site: CueSite, group: CueGroup, negated: boolean): { treaty: string | null; action: TreatyAction | null } {
  const action = (negated && group.negatedAction) ? group.negatedAction : group.action ?? null;
  return { treaty: treatyNear(scan, site), action };
}

function treatyNear(scan: EventScan, site: CueSite): string | null {
  let best: EntityMention | null = null;
  for (const m of mentionsBetween(scan, site.sentence.tokenStart, site.sentence.tokenEnd)) {
    if (m.type !== 'TREATY') continue;
    if (!best || Math.abs(m.tokenStart - site.cue) < Math.abs(best.tokenStart - site.cue)) best = m;
  }
  if (best) return best.name;
  const s = scan.sentenceOf[site.cue];
  const from = scan.doc.sentences[Math.max(0, s - TREATY_LOOKBACK)].tokenStart;
  const earlier = mentionsBetween(scan, from, site.sentence.tokenStart);
  for (let k = earlier.length - 1; k >= 0; k--) if (earlier[k].type === 'TREATY') return earlier[k].name;
  return null;
}
