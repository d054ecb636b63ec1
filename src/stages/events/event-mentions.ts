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

/** Position of mention `m` in doc.mentions (-1 when it is not there). */
export function mentionIndex(scan: EventScan, m: EntityMention): number {
  const list = scan.doc.mentions;
  for (let k = firstAtOrAfter(list, m.tokenStart); k < list.length && list[k].tokenStart === m.tokenStart; k++) if (list[k] === m) return k;
  return list.indexOf(m);
}

/** Mentions that start in tokens [from, to), in text order. */
export function mentionsBetween(scan: EventScan, from: number, to: number): EntityMention[] {
  const list = scan.doc.mentions;
  const out: EntityMention[] = [];
  for (let k = firstAtOrAfter(list, from); k < list.length && list[k].tokenStart < to; k++) out.push(list[k]);
  return out;
}

/**
 * Index in doc.mentions of the first mention that starts at or after token `from`: the mentions that start in
 * tokens [from, to) follow it while their tokenStart is below `to` (a loop over them allocates no list).
 */
export function firstMentionFrom(scan: EventScan, from: number): number {
  return firstAtOrAfter(scan.doc.mentions, from);
}

/** The first mention that starts in tokens [from, to), or null. */
export function firstMentionIn(scan: EventScan, from: number, to: number): EntityMention | null {
  const list = scan.doc.mentions;
  const k = firstAtOrAfter(list, from);
  return k < list.length && list[k].tokenStart < to ? list[k] : null;
}

/** The first mention that starts in tokens [from, to) and passes `test`, or null. */
export function findMentionIn(scan: EventScan, from: number, to: number, test: (m: EntityMention) => boolean): EntityMention | null {
  const list = scan.doc.mentions;
  for (let k = firstAtOrAfter(list, from); k < list.length && list[k].tokenStart < to; k++) if (test(list[k])) return list[k];
  return null;
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

const HEADING_TOKENS = 10;

function isHeading(scan: EventScan, para: number): boolean {
  const p = scan.doc.paragraphs[para];
  return !!p && p.tokenEnd - p.tokenStart < HEADING_TOKENS;
}

/**
 * The person a pronoun at token `tok` stands for: the last person named earlier in its paragraph,
 * else the last one of the previous paragraph (headings skipped), else the document's most named person.
 */
export function personBefore(scan: EventScan, tok: number): EntityMention | null {
  const list = scan.doc.mentions;
  const para = scan.paragraphOf[scan.sentenceOf[Math.min(tok, scan.sentenceOf.length - 1)]];
  let prevPara = para - 1;
  while (prevPara >= 0 && isHeading(scan, prevPara)) prevPara--;
  for (let k = firstAtOrAfter(list, tok) - 1; k >= 0; k--) {
    const m = list[k];
    const mp = scan.paragraphOf[scan.sentenceOf[m.tokenStart]];
    if (mp < prevPara) break;
    if (mp !== para && mp !== prevPara) continue;
    if (m.type === 'PERSON') return m;
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
