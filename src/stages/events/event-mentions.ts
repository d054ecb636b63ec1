import type { Codebook } from '../../codebook/load.js';
import type { EntityMention } from '../../doc/doc.js';
import type { EventScan } from './event-scan.js';

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'LOC']);

/** Index of the first mention whose first token is at or after `tok` (binary search). */
function firstAtOrAfter(mentions: EntityMention[], tok: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].tokenStart < tok) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Mentions that start in tokens [from, to), in text order. */
export function mentionsBetween(scan: EventScan, from: number, to: number): EntityMention[] {
  const list = scan.doc.mentions;
  const out: EntityMention[] = [];
  for (let k = firstAtOrAfter(list, from); k < list.length && list[k].tokenStart < to; k++) out.push(list[k]);
  return out;
}

/** True for mentions that can act: people, organisations, places. */
export function canAct(m: EntityMention): boolean {
  return ACTOR_TYPES.has(m.type);
}

/** The name an actor mention stands for: a capital used for its country ("Moskou" → Russia). */
export function actorName(m: EntityMention, codebook: Codebook): string {
  const entry = codebook.byId.get(m.id);
  if (entry?.metonymFor) return codebook.byId.get(entry.metonymFor)?.name ?? m.name;
  return m.name;
}

/** The last PERSON mention before token `tok` within `sentences` sentences, else the document's most named person. */
export function personBefore(scan: EventScan, tok: number, sentences: number): EntityMention | null {
  const s = scan.sentenceOf[Math.min(tok, scan.sentenceOf.length - 1)];
  const from = scan.doc.sentences[Math.max(0, s - sentences)]?.tokenStart ?? 0;
  const list = scan.doc.mentions;
  for (let k = firstAtOrAfter(list, tok) - 1; k >= 0 && list[k].tokenStart >= from; k--) {
    if (list[k].type === 'PERSON') return list[k];
  }
  return mainPerson(scan);
}

const mainCache = new WeakMap<EventScan, EntityMention | null>();

/** The person the document names most often (ties: the first named). */
export function mainPerson(scan: EventScan): EntityMention | null {
  if (mainCache.has(scan)) return mainCache.get(scan) ?? null;
  const counts = new Map<string, { n: number; m: EntityMention }>();
  for (const m of scan.doc.mentions) {
    if (m.type !== 'PERSON') continue;
    const c = counts.get(m.id);
    if (c) c.n++; else counts.set(m.id, { n: 1, m });
  }
  let best: { n: number; m: EntityMention } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  const out = best && best.n >= 2 ? best.m : null;
  mainCache.set(scan, out);
  return out;
}
