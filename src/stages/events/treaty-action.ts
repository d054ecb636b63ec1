import type { EntityMention } from '../../doc/doc.js';
import type { TreatyAction } from '../../pipeline/analysis.js';
import type { CueSite } from './event-actor.js';
import type { CueGroup } from './event-cues.js';
import { mentionsBetween } from './event-mentions.js';
import type { EventScan } from './event-scan.js';

/** How many sentences back a treaty named earlier still counts ("Dat verdrag ..."). */
const TREATY_LOOKBACK = 3;

/**
 * The treaty act of a TREATY cue: the action (flipped when negated, "niet langer delen"; reversed near an
 * undoing word, "intrekking van de ratificatie") and the treaty, null rather than an empty name.
 */
export function treatyAction(scan: EventScan, site: CueSite, group: CueGroup, negated: boolean, reversed: boolean): { treaty: string | null; action: TreatyAction | null } {
  let action = (negated && group.negatedAction) ? group.negatedAction : group.action ?? null;
  if (reversed && group.reverse && !negated) action = group.reverse.action;
  return { treaty: treatyNear(scan, site) || mainTreaty(scan) || null, action };
}

const mainTreaties = new WeakMap<EventScan, string | null>();

/** The treaty the document names most often (ties: the first named), or null. */
function mainTreaty(scan: EventScan): string | null {
  const known = mainTreaties.get(scan);
  if (known !== undefined) return known;
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const m of scan.doc.mentions) {
    if (m.type !== 'TREATY' || !m.name) continue;
    const n = (counts.get(m.name) ?? 0) + 1;
    counts.set(m.name, n);
    if (!best || n > (counts.get(best) ?? 0)) best = m.name;
  }
  mainTreaties.set(scan, best);
  return best;
}

function treatyNear(scan: EventScan, site: CueSite): string | null {
  let best: EntityMention | null = null;
  for (const m of mentionsBetween(scan, site.sentence.tokenStart, site.sentence.tokenEnd)) {
    if (m.type !== 'TREATY' || !m.name) continue;
    if (!best || Math.abs(m.tokenStart - site.cue) < Math.abs(best.tokenStart - site.cue)) best = m;
  }
  if (best) return best.name;
  const s = scan.sentenceOf[site.cue];
  const from = scan.doc.sentences[Math.max(0, s - TREATY_LOOKBACK)].tokenStart;
  const earlier = mentionsBetween(scan, from, site.sentence.tokenStart);
  for (let k = earlier.length - 1; k >= 0; k--) if (earlier[k].type === 'TREATY' && earlier[k].name) return earlier[k].name;
  return null;
}
