import type { EntityMention, Segment } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import { actorName, canAct, findMentionIn, firstMentionFrom, firstMentionIn, mentionIndex, mentionsBetween, personBefore } from './event-mentions.js';
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
const LOWER_S = 0x73;
/** ' or ’ (U+2019), the apostrophes of a possessive ending ("Putin's"). */
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/**
 * True when the mention is a possessive: "Putin's" / "Putin’s" (the ending inside the mention or right
 * after it), or a German genitive that the name itself lacks ("Putins", "des Kremls").
 */
export function isPossessive(scan: EventScan, m: EntityMention): boolean {
  const { tokens, text } = scan.doc;
  const endsInS = m.end > m.start && text.charCodeAt(m.end - 1) === LOWER_S;
  if (endsInS && m.end - m.start >= 2 && isApostrophe(text.charCodeAt(m.end - 2))) return true;
  const next = m.tokenEnd;
  if (next + 1 < tokens.length && tokens.starts[next] === m.end && APOSTROPHE.has(tokens.folded[next])
    && tokens.folded[next + 1] === 's' && tokens.starts[next + 1] === m.end + 1) return true;
  if (scan.doc.lang !== 'de') return false;
  return endsInS && !m.name.endsWith('s') && m.type !== 'LOC';
}

function pronounIn(scan: EventScan, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (scan.hits.pronouns[i]) return i;
  return -1;
}

/** The subject of tokens [from, to): the first person, else the first organisation or place, that is not a prepositional object. */
function subjectIn(scan: EventScan, from: number, to: number): EntityMention | null {
  const list = scan.doc.mentions;
  let first: EntityMention | null = null;
  let person: EntityMention | null = null;
  for (let k = firstMentionFrom(scan, from); k < list.length && list[k].tokenStart < to; k++) {
    const m = list[k];
    if (!canAct(m) || m.tokenEnd > to || afterPreposition(scan, m) || isPossessive(scan, m)) continue;
    first ??= m;
    if (m.type === 'PERSON') { person = m; break; }
  }
  const best = person ?? first;
  const pron = pronounIn(scan, from, to);
  if (pron >= 0 && (!best || best.type !== 'PERSON')) return personBefore(scan, pron) ?? best;
  return best;
}

function firstActorIn(scan: EventScan, from: number, to: number): EntityMention | null {
  const list = scan.doc.mentions;
  for (let k = firstMentionFrom(scan, from); k < list.length && list[k].tokenStart < to; k++) {
    if (canAct(list[k]) && !afterPreposition(scan, list[k])) return list[k];
  }
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
    const m = findMentionIn(scan, from, Math.min(s1, from + SOURCE_WINDOW), canAct);
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
    const m = firstMentionIn(scan, j, j + 1);
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
  if (nominal) {
    const list = doc.mentions;
    for (let k = firstMentionFrom(scan, Math.max(site.clause, site.cue - OWNER_GAP - 3)); k < list.length && list[k].tokenStart < site.cue; k++) {
      const m = list[k];
      if (canAct(m) && m.tokenEnd <= site.cue && site.cue - m.tokenEnd <= OWNER_GAP + 1 && isPossessive(scan, m)) return m;
    }
  }
  const after = firstMentionIn(scan, site.cueEnd, site.cueEnd + 1);
  if (after && canAct(after) && isPossessive(scan, after) && !after.adjective) return after;
  for (let i = site.cueEnd; i <= site.cueEnd + 1 && i < site.clauseEnd; i++) {
    if (!hits.genitive[i]) continue;
    let j = i + hits.genitive[i];
    if (j < site.clauseEnd && hits.articles[j]) j++;
    const m = firstMentionIn(scan, j, j + 1);
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
  const m = firstMentionIn(scan, i, Math.min(site.clauseEnd, i + INVERTED_WINDOW));
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
  const found = speech
    ? coveringActor(scan, site) ?? speakerActor(scan, site) ?? agentActor(scan, site) ?? genitiveActor(scan, site)
      ?? subjectActor(scan, site, speech) ?? invertedActor(scan, site) ?? afterActor(scan, site, actorAfter)
    : coveringActor(scan, site) ?? agentActor(scan, site) ?? genitiveActor(scan, site) ?? subjectActor(scan, site, speech)
      ?? invertedActor(scan, site) ?? speakerActor(scan, site) ?? ownerActor(scan, site) ?? afterActor(scan, site, actorAfter);
  return found ?? { names: [], mention: null, how: null };
}

/** The name the cue itself is part of ("expert" resolved to a person). */
function coveringActor(scan: EventScan, site: CueSite): ActorFinding | null {
  const list = scan.doc.mentions;
  for (let k = firstMentionFrom(scan, site.clause); k < list.length && list[k].tokenStart < site.cueEnd; k++) {
    const m = list[k];
    if (canAct(m) && m.tokenStart <= site.cue && m.tokenEnd >= site.cueEnd) return fromMention(scan, m, 'cue');
  }
  return null;
}

function speakerActor(scan: EventScan, site: CueSite): ActorFinding | null {
  const s = speakerOf(scan, site);
  if (!s) return null;
  return s.mention ? fromMention(scan, s.mention, s.how) : { names: [s.name], mention: null, how: s.how };
}

function agentActor(scan: EventScan, site: CueSite): ActorFinding | null {
  const m = agentOf(scan, site);
  return m ? fromMention(scan, m, 'agent') : null;
}

function genitiveActor(scan: EventScan, site: CueSite): ActorFinding | null {
  const m = genitiveOf(scan, site);
  return m ? fromMention(scan, m, 'genitive') : null;
}

function subjectActor(scan: EventScan, site: CueSite, speech: boolean): ActorFinding | null {
  if (site.passive) return null;
  const appositive = appositiveSubject(scan, site);
  if (appositive) return fromMention(scan, appositive, 'appositive');
  const antecedent = relativeAntecedent(scan, site);
  if (antecedent) return fromMention(scan, antecedent, 'relative');
  const verb = speech ? -1 : lastSpeechVerb(scan, site.clause, site.cue);
  const m = subjectIn(scan, afterCondition(scan, verb >= 0 ? verb + 1 : site.clause, site.cue), site.cue)
    ?? (site.clause > site.sentence.tokenStart && verb < 0 ? subjectIn(scan, site.sentence.tokenStart, site.clause) : null);
  return m ? fromMention(scan, m, m.tokenStart < site.sentence.tokenStart ? 'pronoun' : 'subject') : null;
}

function invertedActor(scan: EventScan, site: CueSite): ActorFinding | null {
  if (site.passive) return null;
  const m = invertedSubject(scan, site);
  return m ? fromMention(scan, m, 'inverted') : null;
}

function ownerActor(scan: EventScan, site: CueSite): ActorFinding | null {
  const m = ownerOf(scan, site);
  return m ? fromMention(scan, m, 'owner') : null;
}

/** For cues whose actor follows them: the first person within three tokens after the cue. */
function afterActor(scan: EventScan, site: CueSite, actorAfter: boolean): ActorFinding | null {
  if (!actorAfter) return null;
  const m = findMentionIn(scan, site.cueEnd, site.cueEnd + 3, isPerson);
  return m ? fromMention(scan, m, 'after') : null;
}

const isPerson = (m: EntityMention): boolean => m.type === 'PERSON';

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

/** The WEAPON mention that starts in tokens [from, to) nearest token `cue` (the first of equals), or null. */
function nearestWeapon(scan: EventScan, from: number, to: number, cue: number): EntityMention | null {
  const list = scan.doc.mentions;
  let best: EntityMention | null = null;
  for (let k = firstMentionFrom(scan, from); k < list.length && list[k].tokenStart < to; k++) {
    const m = list[k];
    if (m.type !== 'WEAPON') continue;
    if (!best || Math.abs(m.tokenStart - cue) < Math.abs(best.tokenStart - cue)) best = m;
  }
  return best;
}

/** The WEAPON entity nearest the cue in its clause, else in its sentence. */
export function findWeapon(scan: EventScan, site: CueSite): string | null {
  const best = nearestWeapon(scan, site.clause, site.clauseEnd, site.cue)
    ?? nearestWeapon(scan, site.sentence.tokenStart, site.sentence.tokenEnd, site.cue);
  return best ? best.name : null;
}
