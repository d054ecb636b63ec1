import type { Doc, EntityMention } from '../../doc/doc.js';
import { zeroedInt32 } from '../../doc/slab.js';
import { TokenKind } from '../../doc/token-table.js';
import type { SpeechCues } from './speech-cues.js';

/** Who speaks, and how the speaker was found (named, pronoun, role fallback, organisation). */
export interface Speaker { mention: EntityMention; via: 'named' | 'pronoun' | 'role' | 'org' }

/** Per-document lookups for speaker resolution. */
export interface SpeakerContext {
  doc: Doc;
  cues: SpeechCues;
  /** Index into `doc.mentions` of the PERSON/ORG/LOC mention covering each token, or -1. */
  cover: Int32Array;
  persons: EntityMention[];
  organisations: EntityMention[];
  /** Speakers of the quotes found so far, with the offset where each quote starts. */
  speakers: { at: number; mention: EntityMention }[];
}

const QUOTE_CHARS = new Set(['"', '“', '”', '„', '‘', '’', '\'', '«', '»', '‹', '›', '‚']);
const MAX_PHRASE = 16;
const MAX_BACK = 30;
const NEAR_BEFORE = 3;
const PRONOUN_SENTENCES = 3;
const RECENT_SPEAKERS = 20;

/** Builds the per-document speaker lookups (linear in tokens plus mentions). */
export function speakerContext(doc: Doc, cues: SpeechCues): SpeakerContext {
  const cover = zeroedInt32(doc.tokens.length).fill(-1);
  const persons: EntityMention[] = [];
  const organisations: EntityMention[] = [];
  doc.mentions.forEach((m, k) => {
    if (m.type === 'PERSON') persons.push(m);
    if (m.type === 'ORG') organisations.push(m);
    if (m.type !== 'PERSON' && m.type !== 'ORG' && m.type !== 'LOC') return;
    for (let t = m.tokenStart; t < m.tokenEnd && t < cover.length; t++) cover[t] = k;
  });
  return { doc, cues, cover, persons, organisations, speakers: [] };
}

/** True when token `i` is a quotation mark. */
export function isQuoteMark(doc: Doc, i: number): boolean {
  return doc.tokens.kinds[i] === TokenKind.Punct && QUOTE_CHARS.has(doc.text[doc.tokens.starts[i]]);
}

function lastIndexBefore(list: EntityMention[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Mentions of `doc` starting in [start, end), found by binary search. */
export function mentionsIn(doc: Doc, start: number, end: number): EntityMention[] {
  const k = lastIndexBefore(doc.mentions, start) + 1;
  const out: EntityMention[] = [];
  for (let i = k; i < doc.mentions.length && doc.mentions[i].start < end; i++) out.push(doc.mentions[i]);
  return out;
}

/** The last PERSON mentioned before character `offset`, if any. */
export function lastPersonBefore(ctx: SpeakerContext, offset: number): EntityMention | null {
  const k = lastIndexBefore(ctx.persons, offset);
  return k >= 0 ? ctx.persons[k] : null;
}

/** Index of the last recorded speaker whose quote starts before `offset` (speakers are kept sorted). */
function lastSpeakerIndex(ctx: SpeakerContext, offset: number): number {
  const list = ctx.speakers;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

function lastSpeakerBefore(ctx: SpeakerContext, offset: number): EntityMention | null {
  const k = lastSpeakerIndex(ctx, offset);
  return k >= 0 ? ctx.speakers[k].mention : null;
}

/** Records the speaker of a quote starting at `at`, keeping the list sorted by offset. */
export function recordSpeaker(ctx: SpeakerContext, at: number, mention: EntityMention): void {
  const list = ctx.speakers;
  let k = list.length;
  while (k > 0 && list[k - 1].at > at) k--;
  list.splice(k, 0, { at, mention });
}

/**
 * The person a subject pronoun at `offset` points to: the last person named earlier in its sentence,
 * else the first person of the nearest earlier sentence that names one (its likely subject), else the
 * last speaker quoted.
 */
export function resolvePronoun(ctx: SpeakerContext, offset: number): EntityMention | null {
  const { doc, persons } = ctx;
  const k = lastIndexBefore(persons, offset);
  if (k < 0) return lastSpeakerBefore(ctx, offset);
  const here = doc.sentenceAt(offset);
  const r = lastSpeakerIndex(ctx, offset);
  const from = doc.sentences[Math.max(0, here - 1)].start;
  if (r >= 0 && ctx.speakers[r].mention.type === 'PERSON' && ctx.speakers[r].at >= from) return ctx.speakers[r].mention;
  const there = doc.sentenceAt(persons[k].start);
  if (there === here) return persons[k];
  if (here - there > PRONOUN_SENTENCES) return lastSpeakerBefore(ctx, offset) ?? persons[k];
  let first = k;
  const start = doc.sentences[there].start;
  while (first > 0 && persons[first - 1].start >= start) first--;
  return persons[first];
}

/** The organisation (or country) quoted last before `offset`, else the last organisation named: whom a bare spokesperson speaks for. */
function lastOrganisation(ctx: SpeakerContext, offset: number): Speaker | null {
  for (let s = lastSpeakerIndex(ctx, offset), n = 0; s >= 0 && n < RECENT_SPEAKERS; s--, n++) {
    if (ctx.speakers[s].mention.type !== 'PERSON') return { mention: ctx.speakers[s].mention, via: 'org' };
  }
  const k = lastIndexBefore(ctx.organisations, offset);
  return k >= 0 ? { mention: ctx.organisations[k], via: 'org' } : null;
}

function pronounSpeaker(ctx: SpeakerContext, i: number): Speaker | null {
  const f = ctx.doc.tokens.folded[i];
  const at = ctx.doc.tokens.starts[i];
  if (ctx.cues.orgPronouns.has(f)) {
    const k = lastIndexBefore(ctx.organisations, at);
    return k >= 0 ? { mention: ctx.organisations[k], via: 'org' } : null;
  }
  const p = resolvePronoun(ctx, at);
  return p ? { mention: p, via: 'pronoun' } : null;
}

function isPronoun(ctx: SpeakerContext, i: number): boolean {
  const f = ctx.doc.tokens.folded[i];
  return ctx.doc.tokens.kinds[i] === TokenKind.Word && (ctx.cues.pronouns.has(f) || ctx.cues.orgPronouns.has(f));
}

function mentionAt(ctx: SpeakerContext, i: number): EntityMention | null {
  const k = ctx.cover[i];
  return k >= 0 ? ctx.doc.mentions[k] : null;
}

function named(m: EntityMention): Speaker {
  return { mention: m, via: m.rule.startsWith('role.') ? 'role' : 'named' };
}

/** True when the mention is the object of a preposition ("in Seoul", "tegen Interfax"): not a subject. */
function afterPreposition(ctx: SpeakerContext, m: EntityMention): boolean {
  const { tokens } = ctx.doc;
  let k = m.tokenStart - 1;
  if (k >= 0 && ctx.cues.clauseStarts.has(tokens.folded[k]) && !ctx.cues.pronouns.has(tokens.folded[k])) k--;
  return k >= 0 && ctx.cues.phraseStops.has(tokens.folded[k]) && !ctx.cues.complementisers.has(tokens.folded[k]);
}

/** End (exclusive token index) of the noun phrase that starts at token `from`, stopping at `limit`. */
export function phraseEnd(ctx: SpeakerContext, from: number, limit: number): number {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  const max = Math.min(limit, from + MAX_PHRASE);
  let i = from;
  while (i < max) {
    const f = tokens.folded[i];
    if (ctx.cover[i] >= 0) { i = Math.max(i + 1, Math.min(doc.mentions[ctx.cover[i]].tokenEnd, limit)); continue; }
    if (cues.phraseStops.has(f) || cues.complementisers.has(f)) break;
    if (tokens.kinds[i] === TokenKind.Punct && !isQuoteMark(doc, i) && f !== '-' && f !== '\'' && f !== '’') {
      if (f === ',' && i + 1 < limit && mentionAt(ctx, i + 1)?.type === 'PERSON') { i++; continue; }
      break;
    }
    i++;
  }
  return i;
}

/** The speaker a noun phrase names: its person, else the organisation, or the last person for an office holder. */
export function speakerOfPhrase(ctx: SpeakerContext, from: number, to: number): Speaker | null {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  let org: EntityMention | null = null;
  let adjective: EntityMention | null = null;
  let office = false;
  let spokes = false;
  let officeBeforeOrg = false;
  let publication = false;
  for (let i = from; i < to; i++) {
    const m = mentionAt(ctx, i);
    if (m?.type === 'PERSON') return named(m);
    const f = tokens.folded[i];
    if (!m && i === from && isPronoun(ctx, i)) return pronounSpeaker(ctx, i);
    if (m?.adjective) { if (!adjective) adjective = m; continue; }
    if (m && !org) { org = m; officeBeforeOrg = office; }
    if (cues.spokespersons.has(f)) spokes = true;
    else if (cues.publications.has(f)) publication = true;
    else if (cues.officeWords.has(f) && (!m || m.rule.startsWith('role.'))) office = true;
  }
  if (org && (spokes || !officeBeforeOrg)) return { mention: org, via: 'org' };
  if (office) {
    const p = lastPersonBefore(ctx, tokens.starts[from]);
    if (p) return { mention: p, via: 'role' };
  }
  if (org) return { mention: org, via: 'org' };
  if (adjective) return { mention: adjective, via: 'org' };
  if (spokes) return lastOrganisation(ctx, tokens.starts[from]);
  if (publication) {
    const k = lastIndexBefore(ctx.organisations, tokens.starts[from]);
    if (k >= 0) return { mention: ctx.organisations[k], via: 'org' };
  }
  return null;
}

/** Scans back from token `i` (exclusive) to `from`: the nearest person or pronoun, else the nearest organisation or place. */
export function speakerBefore(ctx: SpeakerContext, from: number, i: number): Speaker | null {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  let org: EntityMention | null = null;
  let adjective: EntityMention | null = null;
  let office = -1;
  const stop = Math.max(from, i - MAX_BACK);
  for (let k = i - 1; k >= stop; k--) {
    const m = mentionAt(ctx, k);
    if (m?.type === 'PERSON' && !afterPreposition(ctx, m)) return named(m);
    if (m) {
      if (m.type === 'PERSON') { k = m.tokenStart; continue; }
      if (m.adjective) { if (!adjective) adjective = m; } else if (!org && !afterPreposition(ctx, m)) org = m;
      k = m.tokenStart;
      continue;
    }
    const f = tokens.folded[k];
    if (isPronoun(ctx, k)) return pronounSpeaker(ctx, k);
    if (office < 0 && !org && cues.officeWords.has(f)) office = k;
    if (!org && cues.spokespersons.has(f)) return lastOrganisation(ctx, tokens.starts[k]);
    if (!org && cues.publications.has(f)) {
      const p = lastIndexBefore(ctx.organisations, tokens.starts[k]);
      if (p >= 0) return { mention: ctx.organisations[p], via: 'org' };
    }
    if (f === ';' || f === ':' || isQuoteMark(doc, k)) break;
  }
  if (org) return { mention: org, via: 'org' };
  if (office >= 0) {
    const p = lastPersonBefore(ctx, tokens.starts[office]);
    if (p) return { mention: p, via: 'role' };
  }
  return adjective ? { mention: adjective, via: 'org' } : null;
}

/** The person or pronoun right before a verb ("Peskov a souligné", "Il a précisé"), within a few tokens. */
function nearBefore(ctx: SpeakerContext, from: number, i: number): Speaker | null {
  const { tokens } = ctx.doc;
  for (let k = i - 1; k >= Math.max(from, i - NEAR_BEFORE); k--) {
    const m = mentionAt(ctx, k);
    if (m) return m.adjective ? null : named(m);
    if (tokens.kinds[k] !== TokenKind.Word) return null;
    if (isPronoun(ctx, k)) return pronounSpeaker(ctx, k);
    if (ctx.cues.complementisers.has(tokens.folded[k])) return null;
  }
  return null;
}

/**
 * The subject of a speech verb spanning tokens [verbStart, verbEnd), searched in [from, limit):
 * a person or pronoun right before it, the noun phrase after it (inverted order, "zei Medvedev",
 * "a déclaré le président"), an organisation right before it, or the nearest speaker before it.
 */
export function subjectOf(ctx: SpeakerContext, verbStart: number, verbEnd: number, from: number, limit: number, inverted: boolean): Speaker | null {
  const near = nearBefore(ctx, from, verbStart);
  if (near && near.mention.type === 'PERSON' && near.via !== 'org') return near;
  if (inverted) {
    const after = speakerAfter(ctx, verbEnd, limit);
    if (after) return after;
  }
  if (near) return near;
  return speakerBefore(ctx, from, verbStart);
}

/** The speaker named right after a verb ("zei hij", "a-t-il dit", "said the report"). */
export function speakerAfter(ctx: SpeakerContext, verbEnd: number, limit: number): Speaker | null {
  const { tokens } = ctx.doc;
  let j = verbEnd;
  while (j < limit && j < verbEnd + 4 && (tokens.folded[j] === '-' || tokens.folded[j] === 't')) j++;
  return speakerOfPhrase(ctx, j, phraseEnd(ctx, j, limit));
}
