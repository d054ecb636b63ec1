import type { Segment } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import { toRecord, type FoundQuote } from './found-quote.js';
import { isQuoteMark, lastPersonBefore, speakerOfPhrase, subjectOf, type Speaker, type SpeakerContext } from './speaker.js';

const COMPLEMENTISER_WINDOW = 10;
const SPEAKER_AFTER_WINDOW = 7;
const SOURCE_WINDOW = 7;
const MIN_CLAUSE_WORDS = 2;
const LINKS = new Set(['van', 'of', 'von', 'de', 'du', 'des', 'der', 'the', 'het', 'la', 'le', 'l', 'die', 'den', 'dem']);
const TRAILING = /[\s.,;:!?…]+$/u;

/** Character range of tokens [from, to) with trailing punctuation and spaces trimmed. */
function clauseRange(ctx: SpeakerContext, from: number, to: number): [number, number] | null {
  const { tokens, text } = ctx.doc;
  if (to <= from) return null;
  let words = 0;
  for (let i = from; i < to; i++) if (tokens.kinds[i] !== TokenKind.Punct) words++;
  if (words < MIN_CLAUSE_WORDS) return null;
  const start = tokens.starts[from];
  let end = tokens.ends[to - 1];
  const trail = TRAILING.exec(text.slice(start, end));
  if (trail) end -= trail[0].length;
  return end > start ? [start, end] : null;
}

/** True when tokens [from, to) are one direct quote (a quotation mark at both ends): the direct stage owns it. */
function whollyQuoted(ctx: SpeakerContext, from: number, to: number): boolean {
  let k = to - 1;
  while (k > from && ctx.doc.tokens.kinds[k] === TokenKind.Punct && !isQuoteMark(ctx.doc, k)) k--;
  return isQuoteMark(ctx.doc, from) && isQuoteMark(ctx.doc, k);
}

function emit(ctx: SpeakerContext, out: FoundQuote[], from: number, to: number, speaker: Speaker | null, rule: string): void {
  if (!speaker || whollyQuoted(ctx, from, to)) return;
  const r = clauseRange(ctx, from, to);
  if (r) out.push(toRecord(ctx.doc, r[0], r[1], speaker, false, rule));
}

/** The source named after "volgens"/"according to": the first speaker mention, or an object pronoun. */
function source(ctx: SpeakerContext, from: number, limit: number): { speaker: Speaker; end: number } | null {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  if (from < limit && cues.objectPronouns.has(tokens.folded[from])) {
    const p = lastPersonBefore(ctx, tokens.starts[from]);
    return p ? { speaker: { mention: p, via: 'pronoun' }, end: from + 1 } : null;
  }
  for (let i = from; i < Math.min(limit, from + SOURCE_WINDOW); i++) {
    const k = ctx.cover[i];
    if (k < 0) {
      if (tokens.kinds[i] === TokenKind.Punct && tokens.folded[i] !== '-') return null;
      continue;
    }
    let end = doc.mentions[k].tokenEnd;
    for (;;) {
      let j = end;
      while (j < limit && j < end + 3 && LINKS.has(tokens.folded[j])) j++;
      if (j === end || j >= limit || ctx.cover[j] < 0) break;
      end = doc.mentions[ctx.cover[j]].tokenEnd;
    }
    if (end < limit && tokens.folded[end] === '(') {
      for (let c = end + 1; c < Math.min(limit, end + 6); c++) if (tokens.folded[c] === ')') { end = c + 1; break; }
    }
    const speaker = speakerOfPhrase(ctx, from, end);
    return speaker ? { speaker, end } : null;
  }
  return null;
}

function accordingTo(ctx: SpeakerContext, s: Segment, i: number, len: number, out: FoundQuote[]): void {
  const { tokens } = ctx.doc;
  const src = source(ctx, i + len, s.tokenEnd);
  if (!src) return;
  let end = s.tokenEnd;
  while (end > src.end && tokens.kinds[end - 1] === TokenKind.Punct && !isQuoteMark(ctx.doc, end - 1)) end--;
  const rule = 'quote.indirect.according-to';
  if (i - s.tokenStart <= 1) {
    const from = src.end < s.tokenEnd && tokens.folded[src.end] === ',' ? src.end + 1 : src.end;
    emit(ctx, out, from, s.tokenEnd, src.speaker, rule);
  } else if (src.end >= end && tokens.folded[i - 1] === ',') {
    emit(ctx, out, s.tokenStart, i - 1, src.speaker, rule);
  } else {
    emit(ctx, out, s.tokenStart, s.tokenEnd, src.speaker, rule);
  }
}

/** Index of the comma that opens a trailing attribution (", zegt X", ", a déclaré X") before verb token `i`. */
function attributionComma(ctx: SpeakerContext, s: Segment, i: number): number {
  const { tokens } = ctx.doc;
  for (let k = i - 1; k > s.tokenStart && k >= i - SPEAKER_AFTER_WINDOW; k--) {
    const f = tokens.folded[k];
    if (f === ',') return k;
    if (ctx.cues.complementisers.has(f) || ctx.cues.verbs.longestAt(tokens, k)) return -1;
    if (tokens.kinds[k] === TokenKind.Punct && f !== '-' && !isQuoteMark(ctx.doc, k)) return -1;
  }
  return -1;
}

function verbClause(ctx: SpeakerContext, s: Segment, i: number, len: number, kind: string, out: FoundQuote[], prev: Segment | null): void {
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
    const speaker = subjectOf(ctx, i, vEnd, s.tokenStart, comp, inverted);
    emit(ctx, out, comp + 1, s.tokenEnd, speaker, `quote.indirect.${doc.lang}.${tokens.folded[comp]}`);
    return;
  }
  if (kind !== 'say') return;
  const comma = attributionComma(ctx, s, i);
  if (comma > s.tokenStart) {
    const speaker = subjectOf(ctx, i, vEnd, comma + 1, s.tokenEnd, true);
    emit(ctx, out, s.tokenStart, comma, speaker, 'quote.indirect.speaker-after');
    return;
  }
  if (prev && i === s.tokenStart + 1 && cues.demonstratives.has(tokens.folded[s.tokenStart])) {
    const speaker = subjectOf(ctx, i, vEnd, s.tokenStart, s.tokenEnd, true);
    emit(ctx, out, prev.tokenStart, prev.tokenEnd, speaker, 'quote.indirect.demonstrative');
    return;
  }
  let t = vEnd;
  if (t < s.tokenEnd && tokens.folded[t] === ',' && doc.lang !== 'en') t++;
  if (t >= s.tokenEnd || !cues.clauseStarts.has(tokens.folded[t])) return;
  const speaker = subjectOf(ctx, i, vEnd, s.tokenStart, vEnd, false);
  emit(ctx, out, t, s.tokenEnd, speaker, `quote.indirect.${doc.lang}.bare`);
}

/**
 * Indirect quotes: reported speech with a speech verb and a named source ("X zei dat …", "X said …",
 * "…, a déclaré X", "volgens X …", "laut X …", "Dat meldde X"); the text is the reported clause.
 */
export function findIndirectQuotes(ctx: SpeakerContext, inQuote: Uint8Array): FoundQuote[] {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  const out: FoundQuote[] = [];
  let prev: Segment | null = null;
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (inQuote[i]) continue;
      const acc = cues.accordingTo.longestAt(tokens, i);
      if (acc) { accordingTo(ctx, s, i, acc.length, out); i += acc.length - 1; continue; }
      const v = cues.verbs.longestAt(tokens, i);
      if (!v || v.value === 'frame') continue;
      verbClause(ctx, s, i, v.length, v.value, out, prev);
      i += v.length - 1;
    }
    prev = s;
  }
  const seen = new Set<string>();
  return out.filter((q) => {
    const key = `${q.record.span.start}:${q.record.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
