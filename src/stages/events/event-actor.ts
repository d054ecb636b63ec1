import type { EntityMention, Segment } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import { actorName, canAct, mentionIndex, mentionsBetween, personBefore } from './event-mentions.js';
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

const PREMODIFIERS = 4;

/**
 * True when the mention follows a preposition or "volgens"; articles, office words and country adjectives
 * may stand between ("adviser to Ukrainian President Zelensky"). A subordinator that opens the mention's
 * clause is no preposition ("after Putin decided").
 */
function afterPreposition(scan: EventScan, m: EntityMention): boolean {
  const { hits } = scan;
  let k = m.tokenStart - 1;
  for (let step = 0; step < PREMODIFIERS && k >= 0; step++) {
    const adj = scan.doc.mentions[mentionEndingAt(scan, k)];
    if (adj?.adjective) k = adj.tokenStart - 1;
    else if (scan.inTitle[k] || hits.articles[k]) k--;
    else break;
  }
  if (k < 0) return false;
  if (hits.subordinators[k] && scan.subStart[m.tokenStart] > k) return false;
  if (hits.targetPrepositions[k] || hits.otherPrepositions[k] || hits.agentPrepositions[k] || hits.sourceIntroducers[k]) return true;
  return k > 0 && hits.sourceIntroducers[k - 1] >= 2;
}

const APOSTROPHE = new Set(["'", '’']);
const POSSESSIVE_END = /['’]s$/;

/**
 * True when the mention is a possessive: "Putin's" / "Putin’s" (the ending inside the mention or right
 * after it), or a German genitive that the name itself lacks ("Putins", "des Kremls").
 */
export function isPossessive(scan: EventScan, m: EntityMention): boolean {
  const { tokens, text } = scan.doc;
  const surface = text.slice(m.start, m.end);
  if (POSSESSIVE_END.test(surface)) return true;
  const next = m.tokenEnd;
  if (next + 1 < tokens.length && tokens.starts[next] === m.end && APOSTROPHE.has(tokens.folded[next])
    && tokens.folded[next + 1] === 's' && tokens.starts[next + 1] === m.end + 1) return true;
  if (scan.doc.lang !== 'de') return false;
  return surface.endsWith('s') && !m.name.endsWith('s') && m.type !== 'LOC';
}

function pronounIn(scan: EventScan, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (scan.hits.pronouns[i]) return i;
  return -1;
}

/** The subject of tokens [from, to): the first person, else the first organisation or place, that is not a prepositional object. */
function subjectIn(scan: EventScan, from: number, to: number): EntityMention | null {
  const cands = mentionsBetween(scan, from, to).filter((m) => canAct(m) && m.tokenEnd <= to && !afterPreposition(scan, m) && !isPossessive(scan, m));
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
  const q = scan.doc.quotes[scan.quoteAt[site.cue]];
  return q?.speaker ? { name: q.speaker, mention: null, how: 'quote' } : null;
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
    let j = i + hits.agentPrepositions[i];
    if (j < to && hits.articles[j]) j++;
    const m = mentionsBetween(scan, j, j + 1)[0];
    if (m && canAct(m)) return m;
  }
  return null;
}

const OWNER_GAP = 2;

/** "de dreigementen van Poetin", "threats by Moscow", "Putin's decision to station", "Rhetorik Putins": the owner of a nominal cue. */
function genitiveOf(scan: EventScan, site: CueSite): EntityMention | null {
  const { hits } = scan;
  const { doc } = scan;
  const nominal = doc.lang !== 'de' || NOUN_START.test(doc.text[doc.tokens.starts[site.cue]] ?? '');
  for (const m of nominal ? mentionsBetween(scan, Math.max(site.clause, site.cue - OWNER_GAP - 3), site.cue) : []) {
    if (canAct(m) && m.tokenEnd <= site.cue && site.cue - m.tokenEnd <= OWNER_GAP + 1 && isPossessive(scan, m)) return m;
  }
  const after = mentionsBetween(scan, site.cueEnd, site.cueEnd + 1)[0];
  if (after && canAct(after) && isPossessive(scan, after) && !after.adjective) return after;
  for (let i = site.cueEnd; i <= site.cueEnd + 1 && i < site.clauseEnd; i++) {
    if (!hits.genitive[i]) continue;
    let j = i + hits.genitive[i];
    if (j < site.clauseEnd && hits.articles[j]) j++;
    const m = mentionsBetween(scan, j, j + 1)[0];
    return m && canAct(m) && !m.adjective ? m : null;
  }
  return null;
}

/** The owner of a nominal cue: the agent ("seitens des Kremls") or a genitive ("van Poetin", "Putin's"). */
export function nominalOwner(scan: EventScan, site: CueSite): EntityMention | null {
  return agentOf(scan, site) ?? genitiveOf(scan, site);
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
  for (let k = mentionIndex(scan, m) - 1; k >= 0; k--) {
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

/**
 * "Medvedev, former president and deputy chairman, warned": when a comma stands right before the cue,
 * the name right before the comma that opens the apposition is the subject.
 */
function appositiveSubject(scan: EventScan, site: CueSite): EntityMention | null {
  const { folded } = scan.doc.tokens;
  const s0 = site.sentence.tokenStart;
  if (site.cue - 1 <= s0 || folded[site.cue - 1] !== ',') return null;
  for (let k = site.cue - 2; k > s0; k--) {
    if (folded[k] !== ',') continue;
    const at = mentionEndingAt(scan, k - 1);
    const m = at >= 0 ? scan.doc.mentions[at] : null;
    return m && m.type === 'PERSON' && !afterPreposition(scan, m) ? m : null;
  }
  return null;
}

/** "the United States, which signed the treaty": the name before a relative pronoun that opens the cue's clause. */
function relativeAntecedent(scan: EventScan, site: CueSite): EntityMention | null {
  const { folded } = scan.doc.tokens;
  const rel = site.clause - 1;
  if (rel <= site.sentence.tokenStart || !scan.hits.relatives[rel]) return null;
  const end = folded[rel - 1] === ',' ? rel - 2 : rel - 1;
  const at = end >= site.sentence.tokenStart ? mentionEndingAt(scan, end) : -1;
  const m = at >= 0 ? scan.doc.mentions[at] : null;
  if (!m || !canAct(m) || m.adjective) return null;
  for (let i = site.clause; i < site.cue; i++) if (scan.mentionAt[i] >= 0 && canAct(scan.doc.mentions[scan.mentionAt[i]])) return null;
  return m;
}

/** Start of the main clause after a condition before the cue ("if the offensive succeeds, they would ..."): after its comma. */
function afterCondition(scan: EventScan, from: number, cue: number): number {
  const { folded } = scan.doc.tokens;
  let cond = -1;
  for (let i = from; i < cue; i++) {
    if (scan.hits.conditional[i]) cond = i;
    else if (cond >= 0 && folded[i] === ',') return i + 1;
  }
  return from;
}

/** "Amerikaanse B61-bommen liggen in Volkel": the country adjective or possessive right before the weapon of the clause. */
function ownerOf(scan: EventScan, site: CueSite): EntityMention | null {
  const list = mentionsBetween(scan, site.clause, site.clauseEnd);
  for (let k = 0; k < list.length; k++) {
    const m = list[k];
    if (!m.adjective && !isPossessive(scan, m)) continue;
    const next = list[k + 1];
    const arms = scan.cues.lists.get('nuclearArms');
    if ((next && next.type === 'WEAPON' && next.tokenStart - m.tokenEnd <= 1) || (arms && m.tokenEnd < site.clauseEnd && arms.has(scan.doc.tokens, m.tokenEnd))) return m;
  }
  return null;
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
    const appositive = appositiveSubject(scan, site);
    if (appositive) return fromMention(scan, appositive, 'appositive');
    const antecedent = relativeAntecedent(scan, site);
    if (antecedent) return fromMention(scan, antecedent, 'relative');
    const verb = speech ? -1 : lastSpeechVerb(scan, site.clause, site.cue);
    const m = subjectIn(scan, afterCondition(scan, verb >= 0 ? verb + 1 : site.clause, site.cue), site.cue)
      ?? (site.clause > site.sentence.tokenStart && verb < 0 ? subjectIn(scan, site.sentence.tokenStart, site.clause) : null);
    return m ? fromMention(scan, m, m.tokenStart < site.sentence.tokenStart ? 'pronoun' : 'subject') : null;
  };
  const inverted = () => {
    if (site.passive) return null;
    const m = invertedSubject(scan, site);
    return m ? fromMention(scan, m, 'inverted') : null;
  };
  const owner = () => {
    const m = ownerOf(scan, site);
    return m ? fromMention(scan, m, 'owner') : null;
  };
  const after = () => {
    if (!actorAfter) return null;
    const m = mentionsBetween(scan, site.cueEnd, site.cueEnd + 3).find((x) => x.type === 'PERSON');
    return m ? fromMention(scan, m, 'after') : null;
  };
  const order = speech
    ? [covering, speaker, agent, genitive, subject, inverted, after]
    : [covering, agent, genitive, subject, inverted, speaker, owner, after];
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
