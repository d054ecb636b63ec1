import { zeroedUint8 } from '../../doc/slab.js';
import type { EventRecord, EventType } from '../../pipeline/analysis.js';
import { findActor, findTarget, findWeapon, isPassive, nominalOwner, type ActorFinding, type CueSite } from './event-actor.js';
import type { CueGroup } from './event-cues.js';
import { canAct, mentionsBetween } from './event-mentions.js';
import { clauseEnd, coarseClauseEnd, isBackground, nuclearNear, type EventScan } from './event-scan.js';
import { intensityOf } from './intensity.js';
import { modalityOf } from './negation.js';
import { treatyAction } from './treaty-action.js';

/** A document needs this many sentences with nuclear context before any event counts. */
const MIN_NUCLEAR_SENTENCES = 2;
const BLOCK_WINDOW = 4;
const OBJECT_WINDOW = 3;
const PRIOR_WINDOW = 3;
const REVERSE_WINDOW = 8;
const CONDITION_WINDOW = 8;
/** Ways of finding an actor that name who says something rather than who does it. */
const SPEAKER_WAYS = new Set(['source', 'quote', 'speech-verb']);

function listHit(scan: EventScan, name: string | undefined, from: number, to: number): boolean {
  if (!name) return false;
  const set = scan.cues.lists.get(name);
  if (!set) return false;
  for (let i = Math.max(0, from); i < Math.min(to, scan.doc.tokens.length); i++) if (set.has(scan.doc.tokens, i)) return true;
  return false;
}

function sentenceHas(scan: EventScan, name: string | undefined, sentence: number): boolean {
  if (!name) return false;
  let known = scan.listInSentence.get(name);
  if (!known) {
    known = zeroedUint8(scan.doc.sentences.length);
    scan.listInSentence.set(name, known);
  }
  if (known[sentence] === 0) {
    const s = scan.doc.sentences[sentence];
    known[sentence] = listHit(scan, name, s.tokenStart, s.tokenEnd) ? 1 : 2;
  }
  return known[sentence] === 1;
}

function entityIn(scan: EventScan, type: string, from: number, to: number): boolean {
  return mentionsBetween(scan, from, to).some((m) => m.type === type);
}

/** The cue group passes its word and context conditions at this site. */
function applies(scan: EventScan, g: CueGroup, site: CueSite): boolean {
  const { cue, cueEnd, sentence } = site;
  if (g.blockBefore && listHit(scan, g.blockBefore, cue - 1, cue)) return false;
  if (g.blockNext && listHit(scan, g.blockNext, cueEnd, cueEnd + 1)) return false;
  if (g.blockWithin && listHit(scan, g.blockWithin, cueEnd, Math.min(sentence.tokenEnd, cueEnd + BLOCK_WINDOW))) return false;
  if (g.blockPrior && listHit(scan, g.blockPrior, Math.max(site.clause, cue - PRIOR_WINDOW), cue)) return false;
  if (!nuclearNear(scan, cue, g.context === 'sentence')) return false;
  if (g.with || g.withEntity) {
    const ok = sentenceHas(scan, g.with, scan.sentenceOf[cue])
      || (!!g.withEntity && entityIn(scan, g.withEntity, sentence.tokenStart, sentence.tokenEnd));
    if (!ok) return false;
  }
  return true;
}

function sentenceHasAfter(scan: EventScan, list: string, site: CueSite): boolean {
  return listHit(scan, list, site.cueEnd, site.sentence.tokenEnd);
}

function hasObject(scan: EventScan, site: CueSite): boolean {
  let i = site.cueEnd;
  if (i < site.clauseEnd && scan.hits.articles[i]) i++;
  const m = mentionsBetween(scan, i, Math.min(site.clauseEnd, i + OBJECT_WINDOW))[0];
  return !!m && m.tokenStart === i && canAct(m);
}

/** True when a word of context list `hits` starts in tokens [from, to). */
function contextIn(hits: Uint8Array, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i++) if (hits[i]) return true;
  return false;
}

/**
 * A cue of a group with `conditionalAs`: 'inside' when a conditional opens its clause before it ("if others
 * test"), 'announced' when a modal stands before it and a conditional follows in the sentence ("would
 * resume tests if ..."), else null.
 */
function conditionOf(scan: EventScan, site: CueSite): 'inside' | 'announced' | null {
  const { hits } = scan;
  if (contextIn(hits.conditional, Math.max(site.clause, site.cue - CONDITION_WINDOW), site.cue)) return 'inside';
  if (contextIn(hits.modal, Math.max(site.clause, site.cue - CONDITION_WINDOW), site.cue)
    && contextIn(hits.conditional, site.cueEnd, site.sentence.tokenEnd)) return 'announced';
  return null;
}

/** The treaty action of a cue, reversed when an undoing word stands near it ("intrekking van de ratificatie"). */
function reversed(scan: EventScan, group: CueGroup, site: CueSite): boolean {
  if (!group.reverse) return false;
  const { tokenStart, tokenEnd } = site.sentence;
  return listHit(scan, group.reverse.list, Math.max(tokenStart, site.cue - REVERSE_WINDOW), Math.min(tokenEnd, site.cueEnd + REVERSE_WINDOW));
}

/** True when the person holds an office in the codebook (at the document's date, when known). */
function seniorPerson(scan: EventScan, name: string): boolean {
  const entry = scan.peopleByName.get(name);
  const date = scan.doc.date;
  return !!entry?.roles?.some((r) => !scan.cues.commentatorRoles.has(r.role)
    && (!date || ((!r.to || r.to >= date) && (!r.from || r.from <= date))));
}

/** True when the codebook knows the person as a commentator: an expert, or a former office holder (without a date: before the latest year the text names). */
function commentator(scan: EventScan, name: string): boolean {
  const entry = scan.peopleByName.get(name);
  if (!entry?.roles?.length) return false;
  if (entry.roles.some((r) => scan.cues.commentatorRoles.has(r.role))) return true;
  const date = scan.doc.date ?? String(scan.year);
  return entry.roles.every((r) => !!r.to && r.to < date);
}

/** An event with the cue group that found it and the clause it is in. */
interface Found { record: EventRecord; group: CueGroup; clause: number }

/** True when `found` already holds an event of this type and actor. */
function hasEvent(found: Found[], type: EventType, actor: string | null): boolean {
  for (const f of found) if (f.record.type === type && f.record.actor === actor) return true;
  return false;
}

/** The first of the groups whose word and context conditions hold at this site. */
function applyingGroup(scan: EventScan, groups: CueGroup[], site: CueSite): CueGroup | null {
  for (const g of groups) if (applies(scan, g, site)) return g;
  return null;
}

/**
 * Adds to `sentenceEvents` the events of one cue match whose type and actor it lacks (the first event of a type
 * and actor in a sentence stands for the rest); nothing when the cue does not hold here.
 */
function addEventsAt(scan: EventScan, groups: CueGroup[], cue: number, len: number, lang: string, sentenceEvents: Found[]): void {
  const { doc } = scan;
  const sentence = doc.sentences[scan.sentenceOf[cue]];
  const clause = scan.subStart[cue];
  const end = clauseEnd(scan, cue);
  const site: CueSite = { cue, cueEnd: cue + len, clause, clauseEnd: end, sentence, passive: false };
  const group = applyingGroup(scan, groups, site);
  if (!group) return;
  site.passive = isPassive(scan, cue, cue + len, clause, end);
  const mod = modalityOf(scan, clause, cue, sentence.tokenStart);
  const negated = mod.negated !== mod.denied;
  if (group.onlyNegated && !negated) return;
  let type: EventType = group.type;
  if (negated) {
    const as = scan.cues.types[group.type].negatedAs;
    if (!as || (as === 'TREATY' && !group.negatedAction)) return;
    type = as;
  }
  if (group.conditionalAs && !negated) {
    const cond = conditionOf(scan, site);
    if (cond === 'inside') return;
    if (cond === 'announced') type = group.conditionalAs;
  }
  if (group.upgrade && !negated && sentenceHasAfter(scan, group.upgrade.list, site)) type = group.upgrade.type;
  let actor: ActorFinding | null = null;
  if (group.speakerAs && !negated && !nominalOwner(scan, site)) {
    const said = findActor(scan, site, true, false);
    if (said.how && SPEAKER_WAYS.has(said.how)) { type = group.speakerAs; actor = said; }
  }
  if (!scan.cues.types[type].speech && isBackground(scan, scan.clauseStart[cue], coarseClauseEnd(scan, cue))) return;
  if (group.withObject && !negated && hasObject(scan, site)) type = group.withObject;
  actor ??= findActor(scan, site, scan.cues.types[type].speech, group.actorAfter);
  if (site.passive && group.passiveNeedsAgent && actor.how !== 'agent') return;
  if (group.stateActorAs && !negated && actor.mention && stateActor(scan, actor.mention.type, actor.names[0])) type = group.stateActorAs;
  const names: (string | null)[] = actor.names.length ? actor.names : [null];
  let treaty: ReturnType<typeof treatyAction> | null | undefined;
  let target: string | null | undefined;
  let weapon: string | null | undefined;
  for (const name of names) {
    if (hasEvent(sentenceEvents, type, name)) continue;
    if (treaty === undefined) {
      treaty = type === 'TREATY' ? treatyAction(scan, site, group, negated, reversed(scan, group, site)) : null;
      target = findTarget(scan, site, actor.names);
      weapon = findWeapon(scan, site);
    }
    const record: EventRecord = {
      type,
      actor: name,
      target: target ?? null,
      weapon: weapon ?? null,
      intensity: intensityOf({
        base: treaty?.action === group.reverse?.action && group.reverse ? group.reverse.intensity : type === group.type || negated ? group.intensity : scan.cues.types[type].intensity,
        type, flipped: type !== group.type && negated, hypothetical: mod.hypothetical,
        seniorSpeaker: !!name && actor.how !== 'after' && actor.how !== 'cue' && seniorPerson(scan, name),
      }),
      evidence: doc.span(sentence.start, sentence.end),
      cue: doc.span(doc.tokens.starts[cue], doc.tokens.ends[cue + len - 1]),
      rule: `event.${group.type}.${lang}.${group.id}${actor.how ? `.${actor.how}` : ''}`,
      negated,
      hypothetical: mod.hypothetical,
    };
    if (treaty) { record.treaty = treaty.treaty; record.action = treaty.action; }
    const when = scan.dateOfSentence[scan.sentenceOf[cue]];
    if (when) record.when = when;
    sentenceEvents.push({ record, group, clause: scan.clauseStart[cue] });
  }
}

/** States speak with threats: a country, or a person holding office. */
function stateActor(scan: EventScan, type: string, name: string): boolean {
  return type === 'LOC' || (type === 'PERSON' && seniorPerson(scan, name));
}

/**
 * True for a topic event (a threat, deployment, exercise or posture change) that shares its actor with a frame
 * event of another type in its sentence: "De Navo hekelde de nucleaire retoriek" is NATO condemning, not NATO
 * threatening.
 */
function framedTopic(scan: EventScan, f: Found, sentence: Found[]): boolean {
  const { types } = scan.cues;
  if (!types[f.group.type].topic) return false;
  for (const g of sentence) {
    if (g !== f && types[g.record.type].frame && g.record.type !== f.record.type && g.record.actor === f.record.actor) return true;
  }
  return false;
}

/** Appends to `out` the events of one sentence that are not framed topics. */
function keepEvents(scan: EventScan, sentence: Found[], out: Found[]): void {
  for (const f of sentence) if (!framedTopic(scan, f, sentence)) out.push(f);
}

/**
 * Drops actorless events of types that need an actor ("a country threatens" is generic talk), and
 * actorless events when the document has an event of the same type with an actor.
 */
function dropActorless(scan: EventScan, found: Found[]): Found[] {
  const named = new Set(found.filter((f) => f.record.actor).map((f) => f.record.type));
  return found.filter((f) => f.record.actor || (!scan.cues.types[f.record.type].needsActor && !named.has(f.record.type)));
}

/**
 * Drops an event whose actor is a country when the document has the same type of event by a person of
 * that country: "Putin" and "Russia" threatening in one article are one actor, named as the person.
 */
function mergeCountries(scan: EventScan, found: Found[]): Found[] {
  const { codebook } = scan;
  const byPerson = new Set<string>();
  for (const f of found) {
    const entry = f.record.actor ? scan.peopleByName.get(f.record.actor) : undefined;
    if (entry?.country) byPerson.add(`${f.record.type}|${entry.country}`);
  }
  if (byPerson.size === 0) return found;
  return found.filter((f) => {
    const id = f.record.actor ? scan.countryIds.get(f.record.actor) : undefined;
    const country = id ? codebook.byId.get(id)?.country : undefined;
    return !country || !byPerson.has(`${f.record.type}|${country}`);
  });
}

/** Within one sentence, a signature or ratification next to a de-ratification is part of it (signing the revoking law). */
function alignTreatyActs(found: Found[]): void {
  const undone = new Map<string, Found>();
  for (const f of found) if (f.record.action === 'de-ratify') undone.set(`${f.record.evidence.start}`, f);
  for (const f of found) {
    const d = undone.get(`${f.record.evidence.start}`);
    if (d && (f.record.action === 'ratify' || f.record.action === 'sign')) {
      f.record.action = 'de-ratify';
      f.record.treaty ??= d.record.treaty;
      f.record.intensity = Math.max(f.record.intensity, d.record.intensity);
    }
  }
}

/**
 * Statements of commentators: a quote on nuclear matters by a person the codebook knows as an
 * expert or former office holder is an assessment by that person.
 */
function quotedAssessments(scan: EventScan, lang: string): Found[] {
  const { doc } = scan;
  const out: Found[] = [];
  const group: CueGroup = { id: 'quoted-expert', type: 'ASSESS', intensity: 3, words: {}, context: 'sentence', onlyNegated: false, actorAfter: false, passiveNeedsAgent: false };
  for (const q of doc.quotes) {
    if (!q.speaker || !commentator(scan, q.speaker)) continue;
    const tok = doc.tokens.indexAt(q.span.start);
    if (tok >= doc.tokens.length || !nuclearNear(scan, tok, false)) continue;
    const sentence = doc.sentences[scan.sentenceOf[tok]];
    out.push({
      record: {
        type: 'ASSESS', actor: q.speaker, target: null, weapon: null, intensity: 3,
        evidence: doc.span(sentence.start, sentence.end), cue: doc.span(q.span.start, q.span.end),
        rule: `event.ASSESS.${lang}.quoted-expert`, negated: false, hypothetical: false,
      },
      group,
      clause: scan.clauseStart[tok],
    });
  }
  return out;
}

/**
 * Finds the events of a document: every cue whose conditions hold, with actor, target, weapon,
 * modality and intensity; one event per type and actor in a sentence.
 */
export function findEvents(scan: EventScan): EventRecord[] {
  const { doc } = scan;
  if (scan.nuclearCount < MIN_NUCLEAR_SENTENCES) return [];
  const lang = ['nl', 'en', 'de', 'fr'].includes(doc.lang) ? doc.lang : 'xx';
  const all: Found[] = [];
  let sentence: Found[] = [];
  let current = -1;
  for (let i = 0; i < doc.tokens.length; i++) {
    const m = scan.cues.cues.at(doc.tokens, i);
    if (!m) continue;
    if (scan.inTreatyName[i]) { i += m.length - 1; continue; }
    if (scan.sentenceOf[i] !== current) {
      keepEvents(scan, sentence, all);
      sentence = [];
      current = scan.sentenceOf[i];
    }
    addEventsAt(scan, m.value, i, m.length, lang, sentence);
    i += m.length - 1;
  }
  keepEvents(scan, sentence, all);
  const assessed = new Set(all.filter((g) => g.record.type === 'ASSESS').map((g) => g.record.actor));
  for (const f of quotedAssessments(scan, lang)) {
    if (!assessed.has(f.record.actor)) { all.push(f); assessed.add(f.record.actor); }
  }
  alignTreatyActs(all);
  return mergeCountries(scan, dropActorless(scan, all)).map((f) => f.record);
}
