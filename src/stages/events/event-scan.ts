import type { Codebook } from '../../codebook/load.js';
import type { EntityEntry } from '../../codebook/schema.js';
import type { Doc, EntityMention } from '../../doc/doc.js';
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
  /** Publication year, or 0. */
  year: number;
  /** Codebook people by canonical name. */
  peopleByName: Map<string, EntityEntry>;
  /** Per cue list and sentence: does the sentence contain a word of the list (filled on demand). */
  listInSentence: Map<string, boolean>;
}

function contextHits(doc: Doc, cues: CompiledCues): Record<ContextList, Uint8Array> {
  const n = doc.tokens.length;
  const hits = {} as Record<ContextList, Uint8Array>;
  for (const key of cues.contextLists) hits[key] = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const m = cues.context.at(doc.tokens, i);
    if (!m) continue;
    const len = Math.min(255, m.length);
    for (const key of m.values) hits[key][i] = len;
  }
  return hits;
}

function nuclearSentences(doc: Doc, cues: CompiledCues, sentenceOf: Int32Array): Uint8Array {
  const flags = new Uint8Array(doc.sentences.length);
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const m = cues.nuclear.at(tokens, i);
    if (!m) continue;
    if (m.values.includes('nuclear') && !m.values.includes('civil')) flags[sentenceOf[i]] = 1;
    i += m.length - 1;
  }
  for (const m of doc.mentions) {
    if (m.type === 'WEAPON' || m.type === 'TREATY') flags[sentenceOf[Math.min(m.tokenStart, tokens.length - 1)]] = 1;
  }
  return flags;
}

function clauseStarts(doc: Doc, breaks: Uint8Array, sentenceOf: Int32Array, inName: Uint8Array, opens?: Uint8Array): Int32Array {
  const { tokens } = doc;
  const out = new Int32Array(tokens.length);
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
export function scanDocument(doc: Doc, cues: CompiledCues, codebook: Codebook, peopleByName: Map<string, EntityEntry>): EventScan {
  const n = doc.tokens.length;
  const sentenceOf = new Int32Array(n);
  doc.sentences.forEach((s, k) => sentenceOf.fill(k, s.tokenStart, s.tokenEnd));
  const paragraphOf = new Int32Array(doc.sentences.length);
  let p = 0;
  doc.sentences.forEach((s, k) => {
    while (p < doc.paragraphs.length - 1 && doc.paragraphs[p].end <= s.start) p++;
    paragraphOf[k] = p;
  });
  const hits = contextHits(doc, cues);
  const nuclearSentence = nuclearSentences(doc, cues, sentenceOf);
  let nuclearCount = 0;
  for (const f of nuclearSentence) nuclearCount += f;
  const mentionAt = new Int32Array(n).fill(-1);
  doc.mentions.forEach((m: EntityMention, k) => { if (m.tokenStart < n && mentionAt[m.tokenStart] < 0) mentionAt[m.tokenStart] = k; });
  const inName = new Uint8Array(n);
  for (const m of doc.mentions) inName.fill(1, m.tokenStart, Math.min(n, m.tokenEnd));
  const breaks = hits.clauseBreaks;
  const fine = new Uint8Array(n);
  for (let i = 0; i < n; i++) fine[i] = breaks[i] || hits.subordinators[i];
  const opens = hits.subordinators;
  const year = doc.date ? Number(doc.date.slice(0, 4)) : 0;
  return {
    doc, cues, codebook, sentenceOf, paragraphOf, hits, nuclearSentence, nuclearCount,
    clauseStart: clauseStarts(doc, breaks, sentenceOf, inName),
    subStart: clauseStarts(doc, fine, sentenceOf, inName, opens),
    mentionAt, year, peopleByName, listInSentence: new Map(),
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

/** Token range [start, end) of the coordinate clause (split at ; : dashes and "en/and") of token `i`. */
export function coarseClause(scan: EventScan, i: number): [number, number] {
  const start = scan.clauseStart[i];
  let j = i + 1;
  while (j < scan.clauseStart.length && scan.clauseStart[j] === start) j++;
  return [start, j];
}

/** True when the sentence of token `i`, or the sentence before or after it, has nuclear context. */
export function nuclearNear(scan: EventScan, i: number, strict: boolean): boolean {
  const s = scan.sentenceOf[i];
  if (scan.nuclearSentence[s]) return true;
  if (strict) return false;
  return (s > 0 && scan.nuclearSentence[s - 1] === 1) || (s + 1 < scan.nuclearSentence.length && scan.nuclearSentence[s + 1] === 1);
}

/** True when tokens [from, to) name a year before the publication year or a background marker. */
export function isBackground(scan: EventScan, from: number, to: number): boolean {
  const { tokens } = scan.doc;
  for (let i = from; i < to; i++) {
    if (scan.hits.background[i]) return true;
    if (scan.year && tokens.kinds[i] === TokenKind.Number && YEAR.test(tokens.folded[i]) && Number(tokens.folded[i]) < scan.year - 1) return true;
  }
  return false;
}
