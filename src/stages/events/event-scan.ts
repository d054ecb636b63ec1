import type { Codebook } from '../../codebook/load.js';
import type { EntityEntry } from '../../codebook/schema.js';
import type { Doc, EntityMention } from '../../doc/doc.js';
import { zeroedInt32, zeroedUint8 } from '../../doc/slab.js';
import { TokenKind } from '../../doc/token-table.js';
import type { CompiledCues, ContextList } from './event-cues.js';

const CLAUSE_PUNCT = new Set([';', ':', '–', '—', '(', ')', '•']);
const YEAR = /^(19|20)\d\d$/;

/** One document prepared for event finding: token→sentence, list hits, nuclear sentences, clauses. */
export interface EventScan {
  doc: Doc;
  cues: CompiledCues;
  codebook: Codebook;
  /** Sentence index of every token. */
  sentenceOf: Int32Array;
  /** Paragraph index of every sentence. */
  paragraphOf: Int32Array;
  /** Per context list: length of the match starting at each token (0: none). */
  hits: Record<ContextList, Uint8Array>;
  /** Sentences with nuclear context (a nuclear word, a WEAPON or TREATY mention). */
  nuclearSentence: Uint8Array;
  /** Number of nuclear sentences in the document. */
  nuclearCount: number;
  /** Token index of the first token of the clause each token is in (split at ; : dashes and "en/and"). */
  clauseStart: Int32Array;
  /** Like clauseStart, also split where a subordinate clause opens ("dat", "that", "waarmee"). */
  subStart: Int32Array;
  /** Mention index starting at each token (-1: none). */
  mentionAt: Int32Array;
  /** Publication year; without a date the latest year the text names, at least 2001 (years before it minus one are history). */
  year: number;
  /** Tokens inside a treaty's name ("Verdrag inzake het verbod op kernproeven"): no cue there. */
  inTreatyName: Uint8Array;
  /** Tokens inside an office word of the codebook ("president", "minister van Defensie"). */
  inTitle: Uint8Array;
  /** Codebook people by canonical name. */
  peopleByName: Map<string, EntityEntry>;
  /** Codebook ids of places by canonical name ("Russia" → loc.russia). */
  countryIds: Map<string, string>;
  /** Per cue list, per sentence: 1 when the sentence has a word of the list, 2 when not, 0 when not yet known. */
  listInSentence: Map<string, Uint8Array>;
  /** Per sentence: the value of the first date inside it, or null. */
  dateOfSentence: (string | null)[];
  /** Per token: index of the first quote with a speaker that covers it (-1: none). */
  quoteAt: Int32Array;
  /** Per token: index of the last denial word at or before it in its sentence (-1: none). */
  lastDenial: Int32Array;
}

/** Without a publication date: the latest year the text names (a news text reports on its own time), at least 2001. */
function latestYear(doc: Doc): number {
  const { tokens } = doc;
  let latest = 2001;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] === TokenKind.Number && YEAR.test(tokens.folded[i])) latest = Math.max(latest, Number(tokens.folded[i]));
  }
  return latest;
}

function sentenceDates(doc: Doc, sentenceOf: Int32Array): (string | null)[] {
  const out: (string | null)[] = new Array(doc.sentences.length).fill(null);
  const n = doc.tokens.length;
  for (const d of doc.dates) {
    const tok = doc.tokens.indexAt(d.start);
    if (tok >= n) continue;
    const k = sentenceOf[tok];
    const s = doc.sentences[k];
    if (out[k] === null && d.start >= s.start && d.end <= s.end) out[k] = d.value;
  }
  return out;
}

function quoteIndex(doc: Doc): Int32Array {
  const { tokens } = doc;
  const out = zeroedInt32(tokens.length).fill(-1);
  for (let q = doc.quotes.length - 1; q >= 0; q--) {
    const { speaker, span } = doc.quotes[q];
    if (!speaker) continue;
    for (let i = tokens.indexAt(span.start); i < tokens.length && tokens.starts[i] < span.end; i++) out[i] = q;
  }
  return out;
}

function denialIndex(denial: Uint8Array, sentenceOf: Int32Array): Int32Array {
  const out = zeroedInt32(denial.length);
  let last = -1;
  for (let i = 0; i < denial.length; i++) {
    if (i > 0 && sentenceOf[i] !== sentenceOf[i - 1]) last = -1;
    if (denial[i]) last = i;
    out[i] = last;
  }
  return out;
}

function contextHits(doc: Doc, cues: CompiledCues): Record<ContextList, Uint8Array> {
  const n = doc.tokens.length;
  const hits = {} as Record<ContextList, Uint8Array>;
  for (const key of cues.contextLists) hits[key] = zeroedUint8(n);
  for (let i = 0; i < n; i++) {
    const m = cues.context.at(doc.tokens, i);
    if (!m) continue;
    const len = Math.min(255, m.length);
    for (const key of m.value) hits[key][i] = len;
  }
  return hits;
}

function nuclearSentences(doc: Doc, cues: CompiledCues, sentenceOf: Int32Array): Uint8Array {
  const flags = zeroedUint8(doc.sentences.length);
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const m = cues.nuclear.at(tokens, i);
    if (!m) continue;
    if (m.value.includes('nuclear') && !m.value.includes('civil')) flags[sentenceOf[i]] = 1;
    i += m.length - 1;
  }
  for (const m of doc.mentions) {
    if (m.type === 'WEAPON' || m.type === 'TREATY') flags[sentenceOf[Math.min(m.tokenStart, tokens.length - 1)]] = 1;
  }
  return flags;
}

function clauseStarts(doc: Doc, breaks: Uint8Array, sentenceOf: Int32Array, inName: Uint8Array, opens?: Uint8Array): Int32Array {
  const { tokens } = doc;
  const out = zeroedInt32(tokens.length);
  let start = 0;
  let outer = -1;
  for (let i = 0; i < tokens.length; i++) {
    const prev = i - 1;
    if (i === 0 || sentenceOf[i] !== sentenceOf[prev]) { start = i; outer = -1; } else if (tokens.kinds[prev] === TokenKind.Punct && CLAUSE_PUNCT.has(tokens.folded[prev])) { start = i; outer = -1; } else if (tokens.folded[prev] === '-' && tokens.starts[prev] > 0 && doc.text[tokens.starts[prev] - 1] === ' ') { start = i; outer = -1; } else if (opens && outer >= 0 && tokens.folded[prev] === ',') { start = outer; outer = -1; } else if (breaks[prev] && !inName[prev]) {
      if (opens?.[prev] && outer < 0) outer = start;
      start = i;
    }
    out[i] = start;
  }
  return out;
}

/** Prepares a document for the event finder (one pass per list; linear in the text). */
export function scanDocument(doc: Doc, cues: CompiledCues, codebook: Codebook, peopleByName: Map<string, EntityEntry>, countryIds: Map<string, string>): EventScan {
  const n = doc.tokens.length;
  const sentenceOf = zeroedInt32(n);
  doc.sentences.forEach((s, k) => sentenceOf.fill(k, s.tokenStart, s.tokenEnd));
  const paragraphOf = zeroedInt32(doc.sentences.length);
  let p = 0;
  doc.sentences.forEach((s, k) => {
    while (p < doc.paragraphs.length - 1 && doc.paragraphs[p].end <= s.start) p++;
    paragraphOf[k] = p;
  });
  const hits = contextHits(doc, cues);
  const nuclearSentence = nuclearSentences(doc, cues, sentenceOf);
  let nuclearCount = 0;
  for (const f of nuclearSentence) nuclearCount += f;
  const mentionAt = zeroedInt32(n).fill(-1);
  doc.mentions.forEach((m: EntityMention, k) => { if (m.tokenStart < n && mentionAt[m.tokenStart] < 0) mentionAt[m.tokenStart] = k; });
  const inName = zeroedUint8(n);
  const inTreatyName = zeroedUint8(n);
  for (const m of doc.mentions) {
    inName.fill(1, m.tokenStart, Math.min(n, m.tokenEnd));
    if (m.type === 'TREATY') inTreatyName.fill(1, m.tokenStart, Math.min(n, m.tokenEnd));
  }
  for (let i = 0; i < n; i++) if (inName[i]) hits.speechVerbs[i] = 0;
  const breaks = hits.clauseBreaks;
  const fine = zeroedUint8(n);
  for (let i = 0; i < n; i++) fine[i] = breaks[i] || hits.subordinators[i];
  const opens = hits.subordinators;
  const year = doc.date ? Number(doc.date.slice(0, 4)) : latestYear(doc);
  const inTitle = zeroedUint8(n);
  for (let i = 0; i < n; i++) if (hits.titles[i]) inTitle.fill(1, i, Math.min(n, i + hits.titles[i]));
  return {
    doc, cues, codebook, sentenceOf, paragraphOf, hits, nuclearSentence, nuclearCount,
    clauseStart: clauseStarts(doc, breaks, sentenceOf, inName),
    subStart: clauseStarts(doc, fine, sentenceOf, inName, opens),
    mentionAt, year, inTitle, inTreatyName, peopleByName, countryIds, listInSentence: new Map(),
    dateOfSentence: sentenceDates(doc, sentenceOf),
    quoteAt: quoteIndex(doc),
    lastDenial: denialIndex(hits.denial, sentenceOf),
  };
}

/** End (exclusive token index) of the subordinate clause that token `i` is in. */
export function clauseEnd(scan: EventScan, i: number): number {
  const { tokens } = scan.doc;
  const start = scan.subStart[i];
  let j = i + 1;
  while (j < tokens.length && scan.subStart[j] === start) j++;
  return j;
}

/** End (exclusive token index) of the coordinate clause (split at ; : dashes and "en/and") of token `i`; it starts at clauseStart[i]. */
export function coarseClauseEnd(scan: EventScan, i: number): number {
  const start = scan.clauseStart[i];
  let j = i + 1;
  while (j < scan.clauseStart.length && scan.clauseStart[j] === start) j++;
  return j;
}

/** True when the sentence of token `i`, one of the two sentences before it or the one after it has nuclear context. */
export function nuclearNear(scan: EventScan, i: number, strict: boolean): boolean {
  const s = scan.sentenceOf[i];
  const flags = scan.nuclearSentence;
  if (flags[s]) return true;
  if (strict) return false;
  return (s > 0 && flags[s - 1] === 1) || (s > 1 && flags[s - 2] === 1) || (s + 1 < flags.length && flags[s + 1] === 1);
}

const SINCE_WINDOW = 5;

/** True when a "since" word stands within a few tokens before token `i` ("sinds het begin van de jaren zestig"). */
function afterSince(scan: EventScan, from: number, i: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - SINCE_WINDOW); k--) if (scan.hits.since[k]) return true;
  return false;
}

/** True when tokens [from, to) name a year before the publication year or a background marker (not after "since"). */
export function isBackground(scan: EventScan, from: number, to: number): boolean {
  const { tokens } = scan.doc;
  for (let i = from; i < to; i++) {
    const old = scan.hits.background[i] > 0
      || (tokens.kinds[i] === TokenKind.Number && YEAR.test(tokens.folded[i]) && Number(tokens.folded[i]) < scan.year - 1);
    if (old && !afterSince(scan, from, i)) return true;
  }
  return false;
}
