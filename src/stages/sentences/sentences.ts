import type { Doc, Segment } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import { defineStage } from '../../pipeline/define-stage.js';

/** Words that end in a full stop without ending the sentence (folded), in nl, en, de, fr. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'sen', 'rep', 'gov', 'pres',
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'nr', 'vol', 'fig', 'approx', 'est', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'dhr', 'mevr', 'mw', 'drs', 'ir', 'ing', 'mr', 'ca',
  'bijv', 'bv', 'o', 'a', 'm', 'n', 'i', 'e', 'g', 'z', 'zgn', 'resp', 'incl', 'excl', 'max', 'min', 'okt', 'mrt', 'mei',
  'aug', 'blz', 'pag', 'p', 'pp', 'hr', 'fr', 'mme', 'mlle', 'cf', 'env', 'bzw', 'usw', 'ggf', 'evtl', 'ca', 'vgl', 'z',
  'b', 'u', 'd', 'h', 'sog', 'abs', 'art', 'gebr', 'wg', 'tel', 'ref',
]);
/** German ordinals before a month ("am 21. Oktober") end in a full stop inside the sentence. */
const MONTHS = new Set([
  'januar', 'jänner', 'februar', 'marz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
]);
const ORDINAL = /^\d{1,2}$/;
const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', '’', '»', "'", ')', ']', '“', '‹', '›']);
const STARTS_SENTENCE = /^[\p{Lu}\p{N}"“”‘’„«‹'(\[,-–—]/u;
const SINGLE_UPPER = /^\p{Lu}$/u;
const ACRONYM = /^\p{Lu}{2,}$/u;

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Splits a body into sentences and paragraphs over its token table. */
export function segment(doc: Doc): { sentences: Segment[]; paragraphs: Segment[] } {
  const { tokens, text } = doc;
  const sentences: Segment[] = [];
  const paragraphs: Segment[] = [];
  const n = tokens.length;
  let sStart = 0;
  let pStart = 0;
  const close = (list: Segment[], from: number, to: number) => {
    if (to > from) list.push({ start: tokens.starts[from], end: tokens.ends[to - 1], tokenStart: from, tokenEnd: to });
  };
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      if (hasNewline(text, tokens.ends[i - 1], tokens.starts[i])) {
        close(sentences, sStart, i);
        sStart = i;
        close(paragraphs, pStart, i);
        pStart = i;
        continue;
      }
    }
    if (tokens.kinds[i] !== TokenKind.Punct) continue;
    const t = text[tokens.starts[i]];
    if (!TERMINAL.has(t)) continue;
    let end = i + 1;
    while (end < n && TERMINAL.has(text[tokens.starts[end]]) && tokens.starts[end] === tokens.ends[end - 1]) end++;
    while (end < n && CLOSERS.has(text[tokens.starts[end]]) && tokens.starts[end] === tokens.ends[end - 1]) end++;
    if (end >= n) continue;
    if (tokens.starts[end] === tokens.ends[end - 1]) continue;
    if (!STARTS_SENTENCE.test(text[tokens.starts[end]])) continue;
    if (t === '.' && i > 0 && tokens.ends[i - 1] === tokens.starts[i]) {
      const prev = tokens.folded[i - 1];
      const prevLength = tokens.ends[i - 1] - tokens.starts[i - 1];
      const abbreviation = ABBREVIATIONS.has(prev);
      const prevRaw = abbreviation || prevLength <= 2 ? text.slice(tokens.starts[i - 1], tokens.ends[i - 1]) : '';
      if ((abbreviation && !ACRONYM.test(prevRaw)) || (prevLength <= 2 && SINGLE_UPPER.test(prevRaw))) continue;
      if (prevLength <= 2 && ORDINAL.test(prevRaw) && MONTHS.has(tokens.folded[end])) continue;
    }
    close(sentences, sStart, end);
    sStart = end;
    i = end - 1;
  }
  close(sentences, sStart, n);
  close(paragraphs, pStart, n);
  return { sentences, paragraphs };
}

export const sentencesStage = defineStage({
  name: 'sentences',
  requires: ['tokens'],
  assigns: ['sentences', 'paragraphs'],
  create: () => (doc) => {
    const { sentences, paragraphs } = segment(doc);
    doc.sentences = sentences;
    doc.paragraphs = paragraphs;
  },
});
