import type { Analysis, EntityType, EventType } from '../api.js';
import type { Mark } from '../segments.js';

/** One highlighted analysis item of an article, keyed for focus and tooltips. */
export type MarkItem =
  | { kind: 'entity'; key: string; type: EntityType; name: string; rule?: string }
  | { kind: 'quote'; key: string; speaker: string | null; direct: boolean; rule?: string }
  | { kind: 'event'; key: string; type: EventType; actor: string | null; target: string | null; intensity: number; rule?: string }
  | { kind: 'claim'; key: string; holder: string | null; quantity: number; item: string; approx: boolean; source: string | null; rule?: string };

/** All spans of an analysis as marks over the body: events, quotes, claims, entity mentions. */
export function analysisMarks(analysis: Analysis): Mark<MarkItem>[] {
  const marks: Mark<MarkItem>[] = [];
  analysis.events.forEach((e, i) => marks.push({
    start: e.evidence.start, end: e.evidence.end,
    item: { kind: 'event', key: `event-${i}`, type: e.type, actor: e.actor, target: e.target, intensity: e.intensity, rule: e.rule },
  }));
  analysis.quotes.forEach((q, i) => marks.push({
    start: q.span.start, end: q.span.end, item: { kind: 'quote', key: `quote-${i}`, speaker: q.speaker, direct: q.direct, rule: q.rule },
  }));
  analysis.claims.forEach((c, i) => marks.push({
    start: c.evidence.start, end: c.evidence.end,
    item: { kind: 'claim', key: `claim-${i}`, holder: c.holder, quantity: c.quantity, item: c.item, approx: c.approx, source: c.source, rule: c.rule },
  }));
  analysis.entities.forEach((en, i) => en.mentions.forEach((m, j) => marks.push({
    start: m.start, end: m.end, item: { kind: 'entity', key: `entity-${i}-${j}`, type: en.type, name: en.name, rule: m.rule },
  })));
  return marks;
}

/** The key shared by every mention of one entity, so the whole entity can be focused. */
export function entityGroup(key: string): string {
  return key.startsWith('entity-') ? key.split('-').slice(0, 2).join('-') : key;
}
