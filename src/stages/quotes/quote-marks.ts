/** A pair of quotation marks found in a text, with the quoted words between them. */
export interface QuotePair {
  /** Index of the opening mark. */
  open: number;
  /** First and one-past-last character of the quoted words (marks and outer spaces excluded). */
  start: number;
  end: number;
  /** Index just after the closing mark (the paragraph end for a quote left open). */
  close: number;
  closed: boolean;
}

type Family = 'double' | 'single' | 'guillemet' | 'angle';
interface Open { family: Family; at: number; contentStart: number; lineStart: boolean }

const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const OPEN_CONTEXT = new Set(['(', '[', '{', '–', '—', '-', '/', ':', '“', '‘', '„', '«', '»', '"', "'", '‹']);
const ELISION = /^[’'‘](?:s|t|n|k|m)(?![\p{L}\p{N}])/u;
const MAX_CHARS = 3000;
/** The characters the pair scan stops at: line breaks, commas (",,") and every quotation mark. */
const MARK_CHARS = '\n,„‚“”"«»‹›‘’\'';
const MARK_CODES = new Set([...MARK_CHARS].map((c) => c.charCodeAt(0)));
const ASCII_MARKS = Uint8Array.from({ length: 0x80 }, (_, c) => (MARK_CODES.has(c) ? 1 : 0));

/** Index of the first mark character at or after `from`, or -1 (a loop, not a regex: no match object per comma). */
function nextMark(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? ASCII_MARKS[c] === 1 : MARK_CODES.has(c)) return i;
  }
  return -1;
}
const MAX_PARAGRAPHS = 3;

function isWord(c: string | undefined): boolean { return c !== undefined && WORD.test(c); }
function isSpace(c: string | undefined): boolean { return c === undefined || SPACE.test(c); }

/** True when the mark at `i` sits where an opening mark goes: after a space or bracket, before a non-space. */
function openerLike(text: string, i: number, width = 1): boolean {
  const prev = text[i - 1];
  return (i === 0 || isSpace(prev) || OPEN_CONTEXT.has(prev)) && !isSpace(text[i + width]);
}

/** True when the mark at `i` sits where a closing mark goes: after a non-space, before a space or punctuation. */
function closerLike(text: string, i: number): boolean {
  return i > 0 && !isSpace(text[i - 1]) && !isWord(text[i + 1]);
}

/**
 * Finds quotation-mark pairs of every style (“…” „…“ ,,…” ‘…’ "…" '…' «…» »…« ‹…›) in one pass.
 * Apostrophes inside words are skipped; a quote left open ends at its paragraph end when it started a
 * paragraph or followed a colon, otherwise it is dropped; quotes may run on over a few paragraphs when
 * the next paragraph closes them. Only outermost pairs are returned, in text order.
 */
export function findQuotePairs(text: string): QuotePair[] {
  const pairs: QuotePair[] = [];
  let stack: Open[] = [];
  let paragraphs = 0;
  let lineStart = 0;

  const has = (f: Family) => stack.some((o) => o.family === f);
  const push = (family: Family, at: number, width: number) => {
    let s = at + width;
    while (s < text.length && isSpace(text[s]) && text[s] !== '\n') s++;
    let b = at - 1;
    while (b >= lineStart && isSpace(text[b])) b--;
    stack.push({ family, at, contentStart: s, lineStart: b < lineStart || text[b] === ':' });
  };
  const close = (family: Family, at: number, width: number) => {
    let k = stack.length - 1;
    while (k >= 0 && stack[k].family !== family) k--;
    if (k < 0) return;
    const o = stack[k];
    stack = stack.slice(0, k);
    let e = at;
    while (e > o.contentStart && isSpace(text[e - 1])) e--;
    if (e > o.contentStart && at - o.at <= MAX_CHARS) {
      pairs.push({ open: o.at, start: o.contentStart, end: e, close: at + width, closed: true });
    }
    if (stack.length === 0) paragraphs = 0;
  };
  const endParagraph = (at: number) => {
    const o = stack[0];
    let e = at;
    while (e > o.contentStart && isSpace(text[e - 1])) e--;
    if (o.lineStart && e > o.contentStart && e - o.at <= MAX_CHARS) {
      pairs.push({ open: o.at, start: o.contentStart, end: e, close: e, closed: false });
    }
    stack = [];
    paragraphs = 0;
  };

  for (let i = nextMark(text, 0); i >= 0; i = nextMark(text, i + 1)) {
    const c = text[i];
    if (c === '\n') {
      if (stack.length > 0 && !runsOn(text, i, stack[0].family, paragraphs)) endParagraph(i);
      else if (stack.length > 0) paragraphs++;
      lineStart = i + 1;
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    switch (c) {
      case ',':
        if (next === ',' && !isWord(prev) && isWord(text[i + 2])) { push('double', i, 2); i++; }
        break;
      case '„':
        push('double', i, 1);
        break;
      case '‚':
        if (!isWord(prev) && isWord(next)) push('single', i, 1);
        break;
      case '“':
        if (has('double') && (closerLike(text, i) || stackLow(text, stack))) close('double', i, 1);
        else if (!isSpace(next)) push('double', i, 1);
        break;
      case '”':
        if (has('double')) close('double', i, 1);
        else if (openerLike(text, i)) push('double', i, 1);
        break;
      case '"':
        if (has('double') && (closerLike(text, i) || !openerLike(text, i))) close('double', i, 1);
        else if (openerLike(text, i)) push('double', i, 1);
        break;
      case '«':
        if (has('guillemet') && closerLike(text, i) && !isSpace(prev)) close('guillemet', i, 1);
        else push('guillemet', i, 1);
        break;
      case '»':
        if (!has('guillemet') && openerLike(text, i)) push('guillemet', i, 1);
        else if (has('guillemet')) close('guillemet', i, 1);
        break;
      case '‹':
        if (has('angle') && closerLike(text, i)) close('angle', i, 1);
        else push('angle', i, 1);
        break;
      case '›':
        if (!has('angle') && openerLike(text, i)) push('angle', i, 1);
        else if (has('angle')) close('angle', i, 1);
        break;
      case '‘':
      case '’':
      case "'":
        if (isWord(prev) && isWord(next)) break;
        if (has('single') && closerLike(text, i)) close('single', i, 1);
        else if (c === '‘' ? !isSpace(next) : openerLike(text, i) && !ELISION.test(text.slice(i, i + 3))) {
          if (c === '‘' || !isWord(prev)) push('single', i, 1);
        }
        break;
      default:
        break;
    }
  }
  if (stack.length > 0) endParagraph(text.length);
  pairs.sort((a, b) => a.open - b.open);
  const outer: QuotePair[] = [];
  for (const p of pairs) {
    const last = outer[outer.length - 1];
    if (last && p.open < last.close) continue;
    outer.push(p);
  }
  return outer;
}

/** True when the innermost open double quote was opened by a low mark („ or ,,), so “ closes it. */
function stackLow(text: string, stack: Open[]): boolean {
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k].family !== 'double') continue;
    const m = text[stack[k].at];
    return m === '„' || m === ',';
  }
  return false;
}

const CLOSERS: Record<Family, string> = { double: '”“"', single: '’‘\'', guillemet: '»«', angle: '›‹' };
const OPENERS: Record<Family, string> = { double: '“„",', single: '‘\'‚', guillemet: '«»', angle: '‹›' };

/** True when an open quote at a line break continues into the next paragraph, which closes it. */
function runsOn(text: string, at: number, family: Family, paragraphs: number): boolean {
  if (paragraphs + 1 >= MAX_PARAGRAPHS) return false;
  let s = at;
  while (s < text.length && isSpace(text[s])) s++;
  if (s >= text.length || OPENERS[family].includes(text[s])) return false;
  let e = text.indexOf('\n', s);
  if (e < 0) e = text.length;
  for (let k = s; k < e; k++) {
    const c = text[k];
    if (CLOSERS[family].includes(c) && closerLike(text, k) && !(isWord(text[k - 1]) && isWord(text[k + 1]))) return true;
    if (OPENERS[family].includes(c) && openerLike(text, k)) return false;
  }
  return false;
}
