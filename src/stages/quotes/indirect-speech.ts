import type { Segment } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import { toRecord, type FoundQuote } from './found-quote.js';
import type { QuotePair } from './quote-marks.js';
import {
  isQuoteMark, phraseEnd, recordSpeaker, resolvePronoun, speakerAfter, speakerOfPhrase, subjectOf, type Speaker, type SpeakerContext,
} from './speaker.js';

const COMPLEMENTISER_WINDOW = 10;
const ATTRIBUTION_WINDOW = 16;
const MIN_CLAUSE_WORDS = 4;
const SOURCE_CLAUSE = 25;
const COORDINATION = 3;
const UPPER = /^\p{Lu}/u;
const SUBJUNCTIVE_PARAGRAPHS = 1;
const LINKS = new Set(['van', 'of', 'von', 'de', 'du', 'des', 'der', 'the', 'het', 'la', 'le', 'l', 'die', 'den', 'dem', '\'', '’']);
const TRAILING = /[\s.,;:!?…]+$/u;

/** How an indirect quote was found; a weak one gives way to a strong one it overlaps. */
type Strength = 'strong' | 'weak';
interface Candidate { quote: FoundQuote; strength: Strength }

interface Scan {
  ctx: SpeakerContext;
  pairs: QuotePair[];
  inQuote: Uint8Array;
  out: Candidate[];
  /** The speaker of the last speech verb seen, even when its clause was a direct quote. */
  last: Speaker | null;
  /** The speaker of the last speech verb in the current sentence. */
  inSentence: Speaker | null;
}

/**
 * The subject of a speech verb: the speaker of the previous verb of the sentence when this one is
 * coordinated with it ("zei dat …, maar merkte ook op dat …"), else the subject found around the verb.
 */
function subject(scan: Scan, s: Segment, i: number, vEnd: number, from: number, limit: number, inverted: boolean): Speaker | null {
  const { ctx } = scan;
  const { tokens } = ctx.doc;
  if (scan.inSentence) {
    for (let k = i - 1; k >= Math.max(s.tokenStart, i - COORDINATION); k--) {
      if (ctx.cover[k] >= 0 || tokens.kinds[k] !== TokenKind.Word) break;
      if (ctx.cues.conjunctions.has(tokens.folded[k])) return scan.inSentence;
    }
  }
  return subjectOf(ctx, i, vEnd, from, limit, inverted);
}

/** Index of the first token of [from, to) after which the clause ends (", maar …"), or `to`. */
function clauseStop(scan: Scan, from: number, to: number): number {
  const { tokens } = scan.ctx.doc;
  for (let i = from + 1; i < to - 1; i++) {
    if (tokens.folded[i] === ';') return i;
    if (tokens.folded[i] === ',' && scan.ctx.cues.clauseBreaks.has(tokens.folded[i + 1])) return i;
  }
  return to;
}

/** True when the clause [start, end) is itself a direct quote, or starts inside one. */
function quoted(scan: Scan, from: number, start: number, end: number): boolean {
  if (scan.inQuote[from]) return true;
  const { pairs } = scan;
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid].open < start - 1) lo = mid + 1; else hi = mid - 1;
  }
  const p = pairs[lo];
  return !!p && p.open <= start + 1 && p.end >= end - 2;
}

function emit(scan: Scan, from: number, to: number, speaker: Speaker | null, rule: string, strength: Strength): void {
  if (!speaker) return;
  scan.last = speaker;
  scan.inSentence = speaker;
  const { tokens, text } = scan.ctx.doc;
  const stop = clauseStop(scan, from, to);
  let words = 0;
  for (let i = from; i < stop; i++) if (tokens.kinds[i] !== TokenKind.Punct) words++;
  if (words < MIN_CLAUSE_WORDS) return;
  const start = tokens.starts[from];
  let end = tokens.ends[stop - 1];
  const trail = TRAILING.exec(text.slice(start, end));
  if (trail) end -= trail[0].length;
  if (end <= start || quoted(scan, from, start, end)) return;
  scan.out.push({ quote: toRecord(scan.ctx.doc, start, end, speaker, false, rule), strength });
  recordSpeaker(scan.ctx, start, speaker.mention);
}

/** The source named after "volgens"/"according to": its first speaker mention with what hangs on it. */
function source(ctx: SpeakerContext, from: number, limit: number, opening: boolean): { speaker: Speaker; end: number } | null {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  if (from < limit && cues.objectPronouns.has(tokens.folded[from])) {
    const p = resolvePronoun(ctx, tokens.starts[from]);
    return p ? { speaker: { mention: p, via: 'pronoun' }, end: from + 1 } : null;
  }
  let np = phraseEnd(ctx, from, limit);
  if (opening) {
    let c = from;
    while (c < Math.min(limit, from + SOURCE_CLAUSE) && tokens.folded[c] !== ',') c++;
    if (c < limit && tokens.folded[c] === ',') np = c;
  }
  for (let i = from; i < np; i++) {
    const k = ctx.cover[i];
    if (k < 0 || doc.mentions[k].adjective) continue;
    let end = doc.mentions[k].tokenEnd;
    for (;;) {
      let j = end;
      while (j < np && j < end + 3 && LINKS.has(tokens.folded[j])) j++;
      if (j === end || j >= np || ctx.cover[j] < 0) break;
      end = doc.mentions[ctx.cover[j]].tokenEnd;
    }
    if (end < limit && tokens.folded[end] === '(') {
      for (let c = end + 1; c < Math.min(limit, end + 6); c++) if (tokens.folded[c] === ')') { end = c + 1; break; }
    }
    if (end < limit && tokens.folded[end] === ',' && end + 1 < limit && doc.mentions[ctx.cover[end + 1]]?.type === 'PERSON') {
      end = doc.mentions[ctx.cover[end + 1]].tokenEnd;
      if (end < limit && tokens.folded[end] === ',') end++;
    }
    const speaker = speakerOfPhrase(ctx, from, end);
    return speaker ? { speaker, end } : null;
  }
  return null;
}

function accordingTo(scan: Scan, s: Segment, i: number, len: number): void {
  const { ctx } = scan;
  const { tokens } = ctx.doc;
  const lead = i - s.tokenStart;
  const src = source(ctx, i + len, s.tokenEnd, lead === 0);
  if (!src) return;
  let last = s.tokenEnd;
  while (last > src.end && tokens.kinds[last - 1] === TokenKind.Punct && !isQuoteMark(ctx.doc, last - 1)) last--;
  const rule = 'quote.indirect.according-to';
  const prev = tokens.folded[i - 1];
  const opens = lead === 0 || (lead === 1 && ctx.cues.conjunctions.has(tokens.folded[s.tokenStart]))
    || (lead > 1 && (prev === ',' || ctx.cues.conjunctions.has(prev)) && src.end < last);
  if (opens) {
    const from = src.end < s.tokenEnd && tokens.folded[src.end] === ',' ? src.end + 1 : src.end;
    emit(scan, from, s.tokenEnd, src.speaker, rule, 'weak');
  } else if (src.end >= last && prev === ',') {
    emit(scan, s.tokenStart, i - 1, src.speaker, rule, 'weak');
  } else {
    emit(scan, s.tokenStart, s.tokenEnd, src.speaker, rule, 'weak');
  }
}

/** Index of the comma that opens a trailing attribution (", zegt X", ", zo heeft X gezegd") before verb token `i`. */
function attributionComma(scan: Scan, s: Segment, i: number): number {
  const { ctx } = scan;
  const { tokens } = ctx.doc;
  for (let k = i - 1; k > s.tokenStart && k >= i - ATTRIBUTION_WINDOW; k--) {
    const f = tokens.folded[k];
    if (f === ',') return ctx.cues.relatives.has(tokens.folded[k + 1]) ? -1 : k;
    if (ctx.cues.complementisers.has(f) || ctx.cues.verbs.longestAt(tokens, k)) return -1;
    if (tokens.kinds[k] === TokenKind.Punct && f !== '-' && f !== '.' && f !== '\'' && f !== '’' && !isQuoteMark(ctx.doc, k)) return -1;
  }
  return -1;
}

/** True when the words after an attribution end it (sentence end, a comma, a place or time phrase), not a new quote. */
function attributionEnds(scan: Scan, s: Segment, j: number): boolean {
  const { ctx } = scan;
  const { tokens } = ctx.doc;
  if (j >= s.tokenEnd) return true;
  const f = tokens.folded[j];
  if (f === ',') return !(j + 1 < s.tokenEnd && isQuoteMark(ctx.doc, j + 1));
  if (tokens.kinds[j] === TokenKind.Punct) return !isQuoteMark(ctx.doc, j) || j + 1 >= s.tokenEnd;
  return ctx.cues.phraseStops.has(f) || tokens.kinds[j] === TokenKind.Number;
}

/** The start of the statement before a trailing attribution: the sentence start, or after a colon. */
function statementStart(scan: Scan, s: Segment, comma: number): number {
  const { tokens } = scan.ctx.doc;
  let from = s.tokenStart;
  for (let k = comma - 1; k > s.tokenStart; k--) if (tokens.folded[k] === ':') { from = k + 1; break; }
  return from;
}

function speakerAfterClause(scan: Scan, s: Segment, i: number, len: number): boolean {
  const { ctx } = scan;
  const { tokens } = ctx.doc;
  const comma = attributionComma(scan, s, i);
  if (comma <= s.tokenStart) return false;
  const from = statementStart(scan, s, comma);
  if (ctx.cues.subordinators.has(tokens.folded[from])) return false;
  const after = speakerNamedAt(scan, i + len, s.tokenEnd) ? speakerAfter(ctx, i + len, s.tokenEnd) : null;
  const end = after ? phraseEnd(ctx, i + len, s.tokenEnd) : i + len;
  if (!attributionEnds(scan, s, end)) return false;
  const speaker = after ?? subjectOf(ctx, i, i + len, comma + 1, i + len, false);
  emit(scan, from, comma, speaker, 'quote.indirect.speaker-after', 'strong');
  return true;
}

/** Words after a verb searched for its speaker ("a déclaré dimanche le président …"). */
const SPEAKER_WINDOW = 4;

/** True when the words right after a verb name someone ("a déclaré dimanche le président X", "zei een woordvoerder"), not a clause. */
function speakerNamedAt(scan: Scan, from: number, limit: number): boolean {
  const { doc, cues } = scan.ctx;
  const { tokens } = doc;
  for (let j = from; j < limit && j < from + SPEAKER_WINDOW; j++) {
    const f = tokens.folded[j];
    if (tokens.kinds[j] === TokenKind.Punct && f !== '-' && f !== "'" && f !== '’') return false;
    if (scan.ctx.cover[j] >= 0 && doc.mentions[scan.ctx.cover[j]].tokenStart === j) return true;
    if (cues.pronouns.has(f) || cues.spokespersons.has(f) || cues.officeWords.has(f)) return true;
    if (cues.publications.has(f) || cues.orgPronouns.has(f)) return true;
    if (tokens.kinds[j] === TokenKind.Word && UPPER.test(doc.text[tokens.starts[j]])) return true;
  }
  return false;
}

function verbClause(scan: Scan, s: Segment, i: number, len: number, kind: string, prev: Segment | null): void {
  const { ctx } = scan;
  const { doc, cues } = ctx;
  const { tokens } = doc;
  const vEnd = i + len;
  let comp = -1;
  for (let j = vEnd; j < Math.min(s.tokenEnd, vEnd + COMPLEMENTISER_WINDOW); j++) {
    const f = tokens.folded[j];
    if (cues.complementisers.has(f)) { comp = j; break; }
    if (tokens.kinds[j] === TokenKind.Punct && f !== ',' && f !== '-') break;
    if (cues.verbs.longestAt(tokens, j)) break;
  }
  const inverted = doc.lang !== 'en' || i === s.tokenStart || tokens.kinds[i - 1] === TokenKind.Punct;
  if (comp >= 0) {
    const speaker = subject(scan, s, i, vEnd, s.tokenStart, comp, inverted);
    emit(scan, comp + 1, s.tokenEnd, speaker, `quote.indirect.${doc.lang}.${tokens.folded[comp]}`, 'strong');
    return;
  }
  if (kind !== 'say') return;
  if (speakerAfterClause(scan, s, i, len)) return;
  if (prev && i === s.tokenStart + 1 && cues.demonstratives.has(tokens.folded[s.tokenStart])) {
    const speaker = subjectOf(ctx, i, vEnd, s.tokenStart, s.tokenEnd, true);
    emit(scan, prev.tokenStart, prev.tokenEnd, speaker, 'quote.indirect.demonstrative', 'strong');
    return;
  }
  const bare = cues.bareClauseVerbs.longestAt(tokens, i);
  if (!bare || bare.length !== len) return;
  let t = vEnd;
  if (t < s.tokenEnd && tokens.folded[t] === ',' && doc.lang !== 'en') t++;
  if (t >= s.tokenEnd || !startsClause(scan, t)) return;
  const speaker = subject(scan, s, i, vEnd, s.tokenStart, vEnd, false);
  emit(scan, t, s.tokenEnd, speaker, `quote.indirect.${doc.lang}.bare`, 'weak');
}

/** True when token `t` can open a clause without a complementiser: a determiner or pronoun, a number, a name. */
function startsClause(scan: Scan, t: number): boolean {
  const { doc, cues } = scan.ctx;
  const { tokens } = doc;
  if (cues.clauseStarts.has(tokens.folded[t]) || tokens.kinds[t] === TokenKind.Number) return true;
  return tokens.kinds[t] === TokenKind.Word && UPPER.test(doc.text[tokens.starts[t]]) && !cues.phraseStops.has(tokens.folded[t]);
}

/** ", aldus X" / „…“, so X: the statement before the comma, spoken by X. */
function afterMarker(scan: Scan, s: Segment, i: number): void {
  const { ctx } = scan;
  const { tokens } = ctx.doc;
  if (i - 1 <= s.tokenStart || tokens.folded[i - 1] !== ',') return;
  const speaker = speakerOfPhrase(ctx, i + 1, phraseEnd(ctx, i + 1, s.tokenEnd));
  emit(scan, statementStart(scan, s, i - 1), i - 1, speaker, 'quote.indirect.speaker-after', 'strong');
}

function hasSubjunctive(scan: Scan, s: Segment): boolean {
  const { tokens } = scan.ctx.doc;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) if (scan.ctx.cues.subjunctives.has(tokens.folded[i])) return true;
  return false;
}

/** Drops weak quotes (bare clauses, "according to") that overlap a strong one, and exact duplicates. */
function settle(found: Candidate[]): FoundQuote[] {
  const strong = found.filter((c) => c.strength === 'strong').map((c) => c.quote.record.span).sort((a, b) => a.start - b.start);
  const ends = new Float64Array(strong.length);
  strong.forEach((s, k) => { ends[k] = Math.max(s.end, k > 0 ? ends[k - 1] : 0); });
  const overlapsStrong = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = strong.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (strong[mid].start < end) { k = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return k >= 0 && ends[k] > start;
  };
  const seen = new Set<string>();
  const out: FoundQuote[] = [];
  for (const c of found) {
    const { span } = c.quote.record;
    if (c.strength === 'weak' && overlapsStrong(span.start, span.end)) continue;
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.quote);
  }
  return out;
}

/**
 * Indirect quotes: reported speech with a speech verb and a named source ("X zei dat …", "X said …",
 * "…, a déclaré X", "volgens X …", "laut X …", "Dat meldde X"), and German subjunctive sentences that
 * continue the last speaker; the text is the reported clause.
 */
export function findIndirectQuotes(ctx: SpeakerContext, pairs: QuotePair[], inQuote: Uint8Array): FoundQuote[] {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  const scan: Scan = { ctx, pairs, inQuote, out: [], last: null, inSentence: null };
  let prev: Segment | null = null;
  let lastParagraph = -1;
  let lastSpeaker: Speaker | null = null;
  let paragraph = 0;
  for (const s of doc.sentences) {
    while (paragraph + 1 < doc.paragraphs.length && doc.paragraphs[paragraph + 1].start <= s.start) paragraph++;
    const before = scan.last;
    scan.inSentence = null;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (inQuote[i] || (cues.starts && !cues.starts.hasToken(tokens, i))) continue;
      const acc = cues.accordingTo.longestAt(tokens, i);
      if (acc) { accordingTo(scan, s, i, acc.length); i += acc.length - 1; continue; }
      if (cues.afterMarkers.has(tokens.folded[i])) { afterMarker(scan, s, i); continue; }
      const v = cues.verbs.longestAt(tokens, i);
      if (!v) continue;
      verbClause(scan, s, i, v.length, v.value, prev);
      i += v.length - 1;
    }
    if (scan.last !== before) {
      lastSpeaker = scan.last;
      lastParagraph = paragraph;
    } else if (lastSpeaker && paragraph - lastParagraph <= SUBJUNCTIVE_PARAGRAPHS && !inQuote[s.tokenStart] && hasSubjunctive(scan, s)) {
      emit(scan, s.tokenStart, s.tokenEnd, lastSpeaker, `quote.indirect.${doc.lang}.subjunctive`, 'weak');
    }
    prev = s;
  }
  return settle(scan.out);
}
