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
  /** The cue is in the passive ("wordt bedreigd"): a subject before it is the patient. */
  passive: boolean;
}

export interface ActorFinding {
  /** Actor names: the main actor first, then one actor coordinated with it ("Xi en Poetin"). */
  names: string[];
  /** The mention the actor came from, when it came from one. */
  mention: EntityMention | null;
  /** Which rule found the actor: cue, quote, source, speech-verb, agent, genitive, subject, inverted, pronoun, after. */
  how: string | null;
}

const SPEAKER_WINDOW = 6;
const SOURCE_WINDOW = 8;
const AGENT_BEFORE = 4;
const AGENT_AFTER = 8;
const INVERTED_WINDOW = 3;
const PASSIVE_BEFORE = 4;
const PASSIVE_AFTER = 3;
const COORD_PUNCT = new Set([',', '(', ')']);
/** Languages that put the subject after the finite verb when something else opens the clause ("Gisteren dreigde Poetin"). */
const VERB_SECOND = new Set(['nl', 'de']);
/** German nouns are capitalised: a capitalised cue is a noun ("Drohungen"), not a verb with its subject after it. */
const NOUN_START = /\p{Lu}/u;

type Found = { name: string; mention: EntityMention | null; how: string } | null;

function mentionEndingAt(scan: EventScan, tok: number): number {
  for (let k = tok; k >= 0 && k > tok - 4; k--) {
    const at = scan.mentionAt[k];
    if (at >= 0 && scan.doc.mentions[at].tokenEnd === tok + 1) return at;
  }
  return -1;
}

/** True when the mention follows a preposition or "volgens" (an article or country adjective may stand between). */
function afterPreposition(scan: EventScan, m: EntityMention): boolean {
  const { hits } = scan;
  let k = m.tokenStart - 1;
  const adj = k >= 0 ? scan.doc.mentions[mentionEndingAt(scan, k)] : undefined;
  if (adj?.adjective) k = adj.tokenStart - 1;
  if (k >= 0 && hits.articles[k]) k--;
  if (k < 0) return false;
  if (hits.targetPrepositions[k] || hits.otherPrepositions[k] || hits.agentPrepositions[k] || hits.sourceIntroducers[k]) return true;
  return k > 0 && hits.sourceIntroducers[k - 1] >= 2;
}

function pronounIn(scan: EventScan, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (scan.hits.pronouns[i]) return i;
  return -1;
}

/** The subject of tokens [from, to): the first person, else the first organisation or place, that is not a prepositional object. */
function subjectIn(scan: EventScan, from: number, to: number): EntityMention | null {
  const cands = mentionsBetween(scan, from, to).filter((m) => canAct(m) && m.tokenEnd <= to && !afterPreposition(scan, m));
  const best = cands.find((m) => m.type === 'PERSON') ?? cands[0] ?? null;
  const pron = pronounIn(scan, from, to);
  if (pron >= 0 && (!best || best.type !== 'PERSON')) return personBefore(scan, pron) ?? best;
  return best;
}

function firstActorIn(scan: EventScan, from: number, to: number): EntityMention | null {
  for (const m of mentionsBetween(scan, from, to)) if (canAct(m) && !afterPreposition(scan, m)) return m;
  return null;
}

function quoteSpeaker(scan: EventScan, site: CueSite): Found {
  const at = scan.doc.tokens.starts[site.cue];
  for (const q of scan.doc.quotes) {
    if (q.speaker && q.span.start <= at && at < q.span.end) return { name: q.speaker, mention: null, how: 'quote' };
  }
  return null;
}

function sourceSpeaker(scan: EventScan, site: CueSite): Found {
  const { hits } = scan;
  const { tokenStart: s0, tokenEnd: s1 } = site.sentence;
  for (let i = s0; i < s1; i++) {
    if (!hits.sourceIntroducers[i]) continue;
    const from = i + hits.sourceIntroducers[i];
    if (from < s1 && hits.pronouns[from]) {
      const p = personBefore(scan, from);
      if (p) return { name: actorName(p, scan.codebook), mention: p, how: 'source' };
    }
    const m = mentionsBetween(scan, from, Math.min(s1, from + SOURCE_WINDOW)).find(canAct);
    if (m) return { name: actorName(m, scan.codebook), mention: m, how: 'source' };
  }
  return null;
}

function verbSpeaker(scan: EventScan, site: CueSite): Found {
  const { hits } = scan;
  const { tokenStart: s0, tokenEnd: s1 } = site.sentence;
  let best: Found = null;
  let bestDist = Infinity;
  for (let i = s0; i < s1; i++) {
    if (!hits.speechVerbs[i] || (i >= site.cue && i < site.cueEnd)) continue;
    const dist = Math.abs(i - site.cue);
    if (dist >= bestDist) continue;
    const next = i + hits.speechVerbs[i];
    const before = subjectIn(scan, i < site.cue ? scan.subStart[i] : Math.max(site.cueEnd, scan.subStart[i]), i);
    const after = next < s1 && hits.pronouns[next] ? personBefore(scan, next)
      : firstActorIn(scan, next, Math.min(s1, next + SPEAKER_WINDOW));
    const m = before ?? after;
    if (m) { best = { name: actorName(m, scan.codebook), mention: m, how: 'speech-verb' }; bestDist = dist; }
  }
  return best;
}

/** The speaker of the statement the cue is in: "volgens X", a quote around it, or a speech verb's subject. */
function speakerOf(scan: EventScan, site: CueSite): Found {
  return sourceSpeaker(scan, site) ?? quoteSpeaker(scan, site) ?? verbSpeaker(scan, site);
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

/** "de dreigementen van Poetin", "threats by Moscow": a genitive right after a nominal cue. */
function genitiveOf(scan: EventScan, site: CueSite): EntityMention | null {
  const { hits } = scan;
  for (let i = site.cueEnd; i <= site.cueEnd + 1 && i < site.clauseEnd; i++) {
    if (!hits.genitive[i]) continue;
    let j = i + hits.genitive[i];
    if (j < site.clauseEnd && hits.articles[j]) j++;
    const m = mentionsBetween(scan, j, j + 1)[0];
    return m && canAct(m) && !m.adjective ? m : null;
  }
  return null;
}

/** Verb-second order: "In zijn toespraak dreigde president Poetin", "Wel schort hij het verdrag op". */
function invertedSubject(scan: EventScan, site: CueSite): EntityMention | null {
  if (!VERB_SECOND.has(scan.doc.lang) || (scan.doc.lang === 'de' && NOUN_START.test(scan.doc.text[scan.doc.tokens.starts[site.cue]] ?? ''))) return null;
  let i = site.cueEnd;
  if (i < site.clauseEnd && scan.hits.pronouns[i]) return personBefore(scan, i);
  if (i < site.clauseEnd && scan.hits.articles[i]) i++;
  const m = mentionsBetween(scan, i, Math.min(site.clauseEnd, i + INVERTED_WINDOW))[0];
  return m && canAct(m) && !afterPreposition(scan, m) ? m : null;
}

/** True when a passive auxiliary stands near the cue in its clause. */
export function isPassive(scan: EventScan, cue: number, cueEnd: number, clause: number, clauseEnd: number): boolean {
  const { passiveAux } = scan.hits;
  const { folded } = scan.doc.tokens;
  for (let i = cue - 1; i >= Math.max(clause, cue - PASSIVE_BEFORE) && folded[i] !== ','; i--) if (passiveAux[i]) return true;
  for (let i = cueEnd; i < Math.min(clauseEnd, cueEnd + PASSIVE_AFTER) && folded[i] !== ','; i++) if (passiveAux[i]) return true;
  return false;
}

function coordinated(scan: EventScan, m: EntityMention): EntityMention | null {
  const { tokens } = scan.doc;
  const list = scan.doc.mentions;
  let edge = m.tokenStart;
  let conj = false;
  for (let k = list.indexOf(m) - 1; k >= 0; k--) {
    const prev = list[k];
    if (prev.tokenEnd > edge || prev.tokenEnd === edge) return null;
    for (let t = prev.tokenEnd; t < edge; t++) {
      const isConj = scan.hits.clauseBreaks[t] > 0;
      if (!isConj && !(tokens.kinds[t] === TokenKind.Punct && COORD_PUNCT.has(tokens.folded[t]))) return null;
      conj ||= isConj;
    }
    if (prev.type === m.type) return conj ? prev : null;
    edge = prev.tokenStart;
  }
  return null;
}

function fromMention(scan: EventScan, m: EntityMention, how: string): ActorFinding {
  const names = [actorName(m, scan.codebook)];
  const c = coordinated(scan, m);
  if (c) {
    const n = actorName(c, scan.codebook);
    if (!names.includes(n)) names.push(n);
  }
  return { names, mention: m, how };
}

function lastSpeechVerb(scan: EventScan, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (scan.hits.speechVerbs[i]) return i;
  return -1;
}

/**
 * The actor of an event: the name the cue itself is part of ("expert" resolved to a person); for
 * statements (speech types) the speaker first, for acts the passive agent, a genitive ("van Poetin")
 * and the subject of the reported clause first; then the rest in turn.
 */
export function findActor(scan: EventScan, site: CueSite, speech: boolean, actorAfter: boolean): ActorFinding {
  const covering = () => {
    const m = mentionsBetween(scan, site.clause, site.cueEnd).find((x) => canAct(x) && x.tokenStart <= site.cue && x.tokenEnd >= site.cueEnd);
    return m ? fromMention(scan, m, 'cue') : null;
  };
  const speaker = () => {
    const s = speakerOf(scan, site);
    if (!s) return null;
    return s.mention ? fromMention(scan, s.mention, s.how) : { names: [s.name], mention: null, how: s.how };
  };
  const agent = () => {
    const m = agentOf(scan, site);
    return m ? fromMention(scan, m, 'agent') : null;
  };
  const genitive = () => {
    const m = genitiveOf(scan, site);
    return m ? fromMention(scan, m, 'genitive') : null;
  };
  const subject = () => {
    if (site.passive) return null;
    const verb = speech ? -1 : lastSpeechVerb(scan, site.clause, site.cue);
    const m = subjectIn(scan, verb >= 0 ? verb + 1 : site.clause, site.cue)
      ?? (site.clause > site.sentence.tokenStart && verb < 0 ? subjectIn(scan, site.sentence.tokenStart, site.clause) : null);
    return m ? fromMention(scan, m, m.tokenStart < site.sentence.tokenStart ? 'pronoun' : 'subject') : null;
  };
  const inverted = () => {
    if (site.passive) return null;
    const m = invertedSubject(scan, site);
    return m ? fromMention(scan, m, 'inverted') : null;
  };
  const after = () => {
    if (!actorAfter) return null;
    const m = mentionsBetween(scan, site.cueEnd, site.cueEnd + 3).find((x) => x.type === 'PERSON');
    return m ? fromMention(scan, m, 'after') : null;
  };
  const order = speech
    ? [covering, speaker, agent, genitive, subject, inverted, after]
    : [covering, agent, genitive, subject, inverted, speaker, after];
  for (const f of order) {
    const found = f();
    if (found) return found;
  }
  return { names: [], mention: null, how: null };
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
