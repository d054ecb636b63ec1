import type { EntityMention, Segment } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import { actorName, canAct, mentionsBetween, personBefore } from './event-mentions.js';
import type { EventScan } from './event-scan.js';

/** Where a cue sits: token range of the cue, its clause and its sentence. */
export interface CueSite {
  cue: number;
  cueEnd: number;
  clause: number;
  clauseEnd: number;
  sentence: Segment;
}

export interface ActorFinding {
  /** Actor names: the main actor first, then actors coordinated with it ("Xi en Poetin"). */
  names: string[];
  /** Which rule found the actor: quote, source, speech-verb, agent, subject, pronoun, after. */
  how: string | null;
}

const SPEAKER_WINDOW = 6;
const AGENT_BEFORE = 4;
const AGENT_AFTER = 8;
const COORD_PUNCT = new Set([',', '(', ')']);

/** True when the mention follows a preposition (optionally with an article between): an object, not a subject. */
export function afterPreposition(scan: EventScan, m: EntityMention): boolean {
  const { hits } = scan;
  let k = m.tokenStart - 1;
  if (k >= 0 && hits.articles[k]) k--;
  if (k < 0) return false;
  return hits.targetPrepositions[k] > 0 || hits.otherPrepositions[k] > 0 || hits.agentPrepositions[k] > 0;
}

function nearestByRank(cands: EntityMention[]): EntityMention | null {
  for (const type of ['PERSON', 'ORG', 'LOC']) {
    for (let k = cands.length - 1; k >= 0; k--) if (cands[k].type === type) return cands[k];
  }
  return null;
}

function pronounIn(scan: EventScan, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (scan.hits.pronouns[i]) return i;
  return -1;
}

/** The subject of tokens [from, to): the nearest person, else organisation, else place that is not a prepositional object. */
function subjectIn(scan: EventScan, from: number, to: number): EntityMention | null {
  const cands = mentionsBetween(scan, from, to).filter((m) => canAct(m) && m.tokenEnd <= to && !afterPreposition(scan, m));
  const best = nearestByRank(cands);
  const pron = pronounIn(scan, from, to);
  if (pron >= 0 && (!best || best.tokenStart < pron) && !(best && best.type === 'PERSON' && best.tokenStart < pron)) {
    return personBefore(scan, pron) ?? best;
  }
  return best;
}

function firstActorIn(scan: EventScan, from: number, to: number): EntityMention | null {
  for (const m of mentionsBetween(scan, from, to)) if (canAct(m) && !afterPreposition(scan, m)) return m;
  return null;
}

/** The speaker of the statement the cue is in: a quote around it, "volgens X", or a speech verb's subject. */
function speakerOf(scan: EventScan, site: CueSite): { name: string; mention: EntityMention | null; how: string } | null {
  const { doc, hits } = scan;
  const at = doc.tokens.starts[site.cue];
  const { tokenStart: s0, tokenEnd: s1 } = site.sentence;
  for (let i = s0; i < s1; i++) {
    if (!hits.sourceIntroducers[i]) continue;
    const from = i + hits.sourceIntroducers[i];
    const m = firstActorIn(scan, from, Math.min(s1, from + 4));
    if (m) return { name: actorName(m, scan.codebook), mention: m, how: 'source' };
    if (from < s1 && hits.pronouns[from]) {
      const p = personBefore(scan, from);
      if (p) return { name: p.name, mention: p, how: 'source' };
    }
  }
  for (const q of doc.quotes) {
    if (q.speaker && q.span.start <= at && at < q.span.end) return { name: q.speaker, mention: null, how: 'quote' };
  }
  let best: { name: string; mention: EntityMention | null; how: string } | null = null;
  let bestDist = Infinity;
  for (let i = s0; i < s1; i++) {
    if (!hits.speechVerbs[i] || (i >= site.cue && i < site.cueEnd)) continue;
    const dist = Math.abs(i - site.cue);
    if (dist >= bestDist) continue;
    const after = firstActorIn(scan, i + hits.speechVerbs[i], Math.min(s1, i + hits.speechVerbs[i] + SPEAKER_WINDOW));
    const before = subjectIn(scan, i < site.cue ? scan.subStart[i] : Math.max(site.cueEnd, scan.subStart[i]), i);
    const m = before ?? after;
    if (m) { best = { name: actorName(m, scan.codebook), mention: m, how: 'speech-verb' }; bestDist = dist; }
  }
  return best;
}

function agentOf(scan: EventScan, site: CueSite): EntityMention | null {
  const { hits } = scan;
  const from = Math.max(site.clause, site.cue - AGENT_BEFORE);
  const to = Math.min(site.clauseEnd, site.cueEnd + AGENT_AFTER);
  for (let i = from; i < to; i++) {
    if (!hits.agentPrepositions[i]) continue;
    let j = i + 1;
    if (j < to && hits.articles[j]) j++;
    const m = mentionsBetween(scan, j, j + 1)[0];
    if (m && canAct(m)) return m;
  }
  return null;
}

function coordinated(scan: EventScan, m: EntityMention): EntityMention[] {
  const { tokens } = scan.doc;
  const out: EntityMention[] = [];
  const list = scan.doc.mentions;
  let k = list.indexOf(m) - 1;
  let edge = m.tokenStart;
  while (k >= 0 && out.length < 3) {
    const prev = list[k];
    let ok = prev.tokenEnd <= edge;
    for (let t = prev.tokenEnd; t < edge && ok; t++) {
      ok = (tokens.kinds[t] === TokenKind.Punct && COORD_PUNCT.has(tokens.folded[t])) || scan.hits.clauseBreaks[t] > 0;
    }
    if (!ok || prev.tokenEnd === edge) break;
    if (prev.type === m.type) out.push(prev);
    edge = prev.tokenStart;
    k--;
  }
  return out;
}

function fromMention(scan: EventScan, m: EntityMention, how: string): ActorFinding {
  const cb = scan.codebook;
  const names = [actorName(m, cb)];
  for (const c of coordinated(scan, m)) {
    const n = actorName(c, cb);
    if (!names.includes(n)) names.push(n);
  }
  return { names, how };
}

function lastSpeechVerb(scan: EventScan, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (scan.hits.speechVerbs[i]) return i;
  return -1;
}

/**
 * The actor of an event: for statements (speech types) the speaker first, then the passive agent
 * and the clause subject; for acts the agent, the subject of the reported clause, then the speaker.
 */
export function findActor(scan: EventScan, site: CueSite, speech: boolean, actorAfter: boolean): ActorFinding {
  const speaker = () => {
    const s = speakerOf(scan, site);
    if (!s) return null;
    return s.mention ? fromMention(scan, s.mention, s.how) : { names: [s.name], how: s.how };
  };
  const agent = () => {
    const m = agentOf(scan, site);
    return m ? fromMention(scan, m, 'agent') : null;
  };
  const subject = () => {
    const verb = speech ? -1 : lastSpeechVerb(scan, site.clause, site.cue);
    const m = subjectIn(scan, verb >= 0 ? verb + 1 : site.clause, site.cue)
      ?? (site.clause > site.sentence.tokenStart ? subjectIn(scan, site.sentence.tokenStart, site.clause) : null);
    return m ? fromMention(scan, m, m.tokenStart < site.sentence.tokenStart ? 'pronoun' : 'subject') : null;
  };
  const after = () => {
    if (!actorAfter) return null;
    const m = mentionsBetween(scan, site.cueEnd, site.cueEnd + 3).find((x) => x.type === 'PERSON');
    return m ? fromMention(scan, m, 'after') : null;
  };
  const order = speech ? [speaker, agent, subject, after] : [agent, subject, speaker, after];
  for (const f of order) {
    const found = f();
    if (found) return found;
  }
  return { names: [], how: null };
}

/** The target: the first actor-like name after the cue in its clause, else a prepositional object before it. */
export function findTarget(scan: EventScan, site: CueSite, actors: string[]): string | null {
  const cb = scan.codebook;
  for (const m of mentionsBetween(scan, site.cueEnd, Math.min(site.clauseEnd, site.cueEnd + 8))) {
    if (canAct(m) && !actors.includes(actorName(m, cb))) return actorName(m, cb);
  }
  const before = mentionsBetween(scan, site.clause, site.cue);
  for (let k = before.length - 1; k >= 0; k--) {
    const m = before[k];
    if (canAct(m) && scan.hits.targetPrepositions[Math.max(0, m.tokenStart - 1)] && !actors.includes(actorName(m, cb))) return actorName(m, cb);
  }
  return null;
}

/** The WEAPON entity nearest the cue in its clause, else in its sentence. */
export function findWeapon(scan: EventScan, site: CueSite): string | null {
  for (const [from, to] of [[site.clause, site.clauseEnd], [site.sentence.tokenStart, site.sentence.tokenEnd]]) {
    let best: EntityMention | null = null;
    for (const m of mentionsBetween(scan, from, to)) {
      if (m.type !== 'WEAPON') continue;
      if (!best || Math.abs(m.tokenStart - site.cue) < Math.abs(best.tokenStart - site.cue)) best = m;
    }
    if (best) return best.name;
  }
  return null;
}
