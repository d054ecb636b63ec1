import type { Segment } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import type { QuotePair } from './quote-marks.js';
import { toRecord, type FoundQuote } from './found-quote.js';
import { mentionsIn, phraseEnd, recordSpeaker, resolvePronoun, speakerBefore, speakerOfPhrase, subjectOf, type Speaker, type SpeakerContext } from './speaker.js';

const MIN_WORDS = 4;
const LONG_QUOTE = 8;
const AFTER_WINDOW = 10;
const BEFORE_WINDOW = 40;
const FOLLOW_PARAGRAPHS = 1;
const UPPER = /^\p{Lu}/u;
const TITLE_MIN = 4;

interface Attribution { speaker: Speaker; where: string }

function segmentIndex(list: Segment[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Word tokens of a quote and whether every longer word is capitalised, as in a title or a name. */
function measure(ctx: SpeakerContext, ts: number, te: number): { words: number; titleLike: boolean } {
  const { tokens, text } = ctx.doc;
  let words = 0;
  let long = 0;
  let upper = 0;
  for (let i = ts; i < te; i++) {
    if (tokens.kinds[i] === TokenKind.Punct) continue;
    words++;
    if (tokens.ends[i] - tokens.starts[i] >= TITLE_MIN && tokens.kinds[i] === TokenKind.Word) {
      long++;
      if (UPPER.test(text[tokens.starts[i]])) upper++;
    }
  }
  return { words, titleLike: long >= 2 && upper === long };
}

function after(ctx: SpeakerContext, pair: QuotePair, nextOpen: number): Attribution | null {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  const a = tokens.indexAt(pair.close);
  if (a >= tokens.length || a >= nextOpen) return null;
  const closeSentence = doc.sentences[doc.sentenceAt(pair.close - 1)];
  const aSentence = doc.sentences[doc.sentenceAt(tokens.starts[a])];
  const first = doc.text[tokens.starts[a]];
  if (aSentence !== closeSentence && first !== ',' && !/^\p{Ll}/u.test(first)) return null;
  const limit = Math.min(aSentence.tokenEnd, nextOpen, a + AFTER_WINDOW);
  for (let j = a; j < limit; j++) {
    if (j <= a + 1 && cues.afterMarkers.has(tokens.folded[j])) {
      const s = speakerOfPhrase(ctx, j + 1, phraseEnd(ctx, j + 1, limit));
      if (s) return { speaker: s, where: 'speaker-after' };
    }
    const v = cues.verbs.longestAt(tokens, j);
    if (!v) continue;
    const s = subjectOf(ctx, j, j + v.length, a, limit, true);
    return s ? { speaker: s, where: 'speaker-after' } : null;
  }
  return null;
}

function before(ctx: SpeakerContext, pair: QuotePair, prevClose: number): Attribution | null {
  const { doc, cues } = ctx;
  const { tokens } = doc;
  const o = tokens.indexAt(pair.open);
  const sentence = doc.sentences[doc.sentenceAt(pair.open)];
  const from = Math.max(sentence.tokenStart, prevClose, o - BEFORE_WINDOW);
  for (let k = o - 1; k >= from; k--) {
    const v = cues.verbs.longestEndingAt(tokens, k);
    if (!v) continue;
    const vs = k - v.length + 1;
    if (vs < from) continue;
    const inverted = doc.lang !== 'en' || vs === from || tokens.kinds[vs - 1] === TokenKind.Punct;
    const s = subjectOf(ctx, vs, k + 1, from, o, inverted);
    return s ? { speaker: s, where: 'speaker-before' } : null;
  }
  if (o - 1 >= from && tokens.folded[o - 1] === ':') {
    const s = speakerBefore(ctx, from, o - 1);
    if (s) return { speaker: s, where: 'colon' };
  }
  return null;
}

/** True when the quote opens its sentence (nothing but spaces or a colon before it). */
function opensSentence(ctx: SpeakerContext, pair: QuotePair): boolean {
  const { doc } = ctx;
  const s = doc.sentences[doc.sentenceAt(pair.open)];
  const lead = doc.text.slice(s.start, pair.open).trim();
  return lead === '' || lead.endsWith(':');
}

/** The first person named (outside quotes) in the previous sentence of the same paragraph: who the quote is about to let speak. */
function previousSentence(ctx: SpeakerContext, pair: QuotePair, inQuote: Uint8Array): Attribution | null {
  const { doc } = ctx;
  const si = doc.sentenceAt(pair.open);
  if (si === 0) return null;
  const prev = doc.sentences[si - 1];
  if (doc.paragraphs[segmentIndex(doc.paragraphs, prev.start)] !== doc.paragraphs[segmentIndex(doc.paragraphs, pair.open)]) return null;
  for (const m of mentionsIn(doc, prev.start, prev.end)) {
    if (m.type === 'PERSON' && !inQuote[m.tokenStart]) return { speaker: { mention: m, via: m.rule.startsWith('role.') ? 'role' : 'named' }, where: 'context' };
  }
  const first = prev.tokenStart;
  if (ctx.cues.pronouns.has(doc.tokens.folded[first])) {
    const p = resolvePronoun(ctx, doc.tokens.starts[first]);
    if (p) return { speaker: { mention: p, via: 'pronoun' }, where: 'context' };
  }
  return null;
}

/** True when a quote reads as a clause of its own: it opens its sentence, follows a colon, closes it, or is long. */
function clauseLike(ctx: SpeakerContext, pair: QuotePair, words: number): boolean {
  if (words >= LONG_QUOTE || opensSentence(ctx, pair)) return true;
  const { doc } = ctx;
  const e = doc.sentences[doc.sentenceAt(Math.max(pair.close - 1, 0))];
  return /^[\s\p{P}]*$/u.test(doc.text.slice(pair.close, e.end));
}

/**
 * Direct quotes: quotation-mark pairs of at least four words that are not titles, attributed to the
 * speaker after the quote ("‘…’, zei X"), before it ("X said: “…”"), or, for a quote that stands as a
 * clause of its own, to the speaker of the previous quote (follow-on).
 */
export function findDirectQuotes(ctx: SpeakerContext, pairs: QuotePair[], inQuote: Uint8Array, earlier: FoundQuote[]): FoundQuote[] {
  const { doc } = ctx;
  const { tokens } = doc;
  const out: FoundQuote[] = [];
  let last: { speaker: Speaker; paragraph: number; end: number } | null = null;
  let e = 0;
  let prevClose = 0;
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p];
    const ts = tokens.indexAt(pair.start);
    const te = tokens.indexAt(pair.end);
    const { words, titleLike } = measure(ctx, ts, te);
    if (words < MIN_WORDS || titleLike) continue;
    const close = prevClose;
    prevClose = tokens.indexAt(pair.close);
    const paragraph = segmentIndex(doc.paragraphs, pair.open);
    while (e < earlier.length && earlier[e].record.span.end <= pair.open) {
      const { record, speaker } = earlier[e++];
      if (!last || record.span.end > last.end) {
        last = { speaker, paragraph: segmentIndex(doc.paragraphs, record.span.start), end: record.span.end };
      }
    }
    const nextOpen = p + 1 < pairs.length ? tokens.indexAt(pairs[p + 1].open) : tokens.length;
    const follow: Attribution | null = last && paragraph - last.paragraph <= FOLLOW_PARAGRAPHS && clauseLike(ctx, pair, words)
      ? { speaker: last.speaker, where: 'follow-on' } : null;
    const adjacent: boolean = !!follow && !!last && doc.sentenceAt(pair.open) - doc.sentenceAt(Math.max(0, last.end - 1)) <= 1;
    const found: Attribution | null = after(ctx, pair, nextOpen) ?? before(ctx, pair, close)
      ?? (adjacent ? follow : null) ?? (clauseLike(ctx, pair, words) ? previousSentence(ctx, pair, inQuote) : null) ?? follow;
    if (!found) continue;
    out.push(toRecord(doc, pair.start, pair.end, found.speaker, true, `quote.direct.${found.where}`));
    last = { speaker: found.speaker, paragraph, end: pair.close };
    recordSpeaker(ctx, pair.open, found.speaker.mention);
  }
  return out;
}
