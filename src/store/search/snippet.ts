import { eachWord, indexKey, type Word } from './text-index.js';

export interface Snippet { snippet: string; highlights: { start: number; end: number }[] }

const SENTENCE_END = /[.!?…]["'”’»)]*\s+|\n\s*\n|\n/g;
const MAX_LENGTH = 300;

function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const boundary = m.index + m[0].length;
    if (boundary <= at) start = boundary;
    else { end = m.index + m[0].trimEnd().length; break; }
  }
  return { start, end };
}

/**
 * The first sentence of the original text holding a word whose key is among `keys`, trimmed to a window
 * when long, with the offsets of every matched word inside the snippet.
 */
export function makeSnippet(text: string, lang: string | null, keys: Set<string>): Snippet | null {
  // One lazy pass: words before the first hit cannot be highlights, and words past the snippet are not looked at.
  const scan = eachWord(text);
  let first: Word | undefined;
  for (let n = scan.next(); !n.done; n = scan.next()) {
    if (keys.has(indexKey(n.value.text, lang))) { first = n.value; break; }
  }
  if (!first) return null;
  let { start, end } = sentenceAround(text, first.start);
  if (end - start > MAX_LENGTH) {
    start = Math.max(start, first.start - MAX_LENGTH / 3);
    end = Math.min(end, start + MAX_LENGTH);
    while (start > 0 && start < first.start && /[\p{L}\p{N}]/u.test(text[start - 1])) start++;
    while (end < text.length && end > first.end && /[\p{L}\p{N}]/u.test(text[end])) end--;
  }
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const snippet = raw.trim();
  const offset = start + lead;
  const highlights: { start: number; end: number }[] = [];
  const inside = (w: Word): boolean => w.start >= offset && w.end <= offset + snippet.length;
  if (inside(first)) highlights.push({ start: first.start - offset, end: first.end - offset });
  for (let n = scan.next(); !n.done && n.value.start < offset + snippet.length; n = scan.next()) {
    const w = n.value;
    if (inside(w) && keys.has(indexKey(w.text, lang))) highlights.push({ start: w.start - offset, end: w.end - offset });
  }
  return { snippet, highlights };
}

/** A snippet from the body, else the title, else the start of the body without highlights. */
export function snippetFor(title: string | null, body: string, lang: string | null, keys: Set<string>): Snippet {
  return makeSnippet(body, lang, keys)
    ?? (title ? makeSnippet(title, lang, keys) : null)
    ?? { snippet: body.slice(0, MAX_LENGTH).trim(), highlights: [] };
}
