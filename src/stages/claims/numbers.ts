import { TokenKind, type TokenTable } from '../../doc/token-table.js';
import type { ClaimLexicon } from './claim-cues.js';

/** A number read from tokens [start, end): its value, whether it had a decimal part, and whether it was spelled out. */
export interface NumberRead { start: number; end: number; value: number; decimal: boolean; word: boolean; plain: boolean }

const GROUP_GAP = /^[ \u00a0\u202f]$/;
const THREE_DIGITS = /^\d{3}$/;
const SHORT_DIGITS = /^\d{1,3}$/;

/**
 * Reads digits with separators. A separator followed by exactly three digits groups thousands in every language
 * ("2.000", "2,000", "5.580": arsenal counts, never decimals); otherwise the last separator is the decimal mark.
 */
export function parseDigits(raw: string): { value: number; decimal: boolean } {
  const groups = raw.split(/[.,]/);
  if (groups.length === 1) return { value: Number(raw), decimal: false };
  const seps = raw.replace(/\d/g, '');
  const grouped = groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3 && groups[0].length > 0
    && (seps.length === 1 || !seps.includes(seps[0] === '.' ? ',' : '.'));
  if (grouped) return { value: Number(groups.join('')), decimal: false };
  const last = groups.pop()!;
  return { value: Number(`${groups.join('')}.${last}`), decimal: true };
}

function splitCompound(lex: ClaimLexicon, word: string): string[] | null {
  const out: string[] = [];
  let at = 0;
  while (at < word.length) {
    const list = lex.numberPieces.get(word.slice(at, at + 2));
    const piece = list?.find((p) => word.startsWith(p, at));
    if (!piece) return null;
    out.push(piece);
    at += piece.length;
  }
  return out.length > 0 && !lex.joiners.has(out[out.length - 1]) && !lex.joiners.has(out[0]) ? out : null;
}

/** Adds number-word pieces ("vijf", "en", "twintig") to a running total and current group. */
function accumulate(lex: ClaimLexicon, pieces: string[], acc: { total: number; cur: number }): void {
  for (const p of pieces) {
    if (lex.joiners.has(p)) continue;
    const v = lex.numberWords.get(p)!;
    if (lex.multipliers.has(p)) {
      if (v >= 1000) { acc.total += (acc.cur || 1) * v; acc.cur = 0; } else acc.cur = (acc.cur || 1) * v;
    } else acc.cur += v;
  }
}

/** A number key of a word's first two characters, for an allocation-free prefix test. */
export function startKey(word: string): number {
  return (word.charCodeAt(0) << 16) | (word.length > 1 ? word.charCodeAt(1) : 0);
}

/** The pieces of a spelled-out number token, or null. */
export function wordPieces(lex: ClaimLexicon, folded: string): string[] | null {
  if (!lex.numberStarts.has(startKey(folded))) return null;
  if (lex.numberWords.has(folded)) return [folded];
  if (folded.length < 6) return null;
  return splitCompound(lex, folded);
}

/** Reads a number (digits, "5 459", number words, "twee duizend", "vijfhonderd") starting at token `i`, or null. */
export function readNumber(text: string, tokens: TokenTable, lex: ClaimLexicon, i: number, limit: number): NumberRead | null {
  const kind = tokens.kinds[i];
  if (kind === TokenKind.Number) {
    const raw = text.slice(tokens.starts[i], tokens.ends[i]);
    let { value, decimal } = parseDigits(raw);
    let end = i + 1;
    let plain = !/[.,]/.test(raw);
    while (!decimal && end < limit && SHORT_DIGITS.test(raw) && end === i + 1 && tokens.kinds[end] === TokenKind.Number
      && THREE_DIGITS.test(tokens.folded[end]) && GROUP_GAP.test(text.slice(tokens.ends[end - 1], tokens.starts[end]))) {
      value = value * 1000 + Number(tokens.folded[end]);
      plain = false;
      end++;
    }
    if (end < limit && lex.multipliers.has(tokens.folded[end])) {
      value *= lex.numberWords.get(tokens.folded[end])!;
      end++;
    }
    return { start: i, end, value, decimal, word: false, plain };
  }
  if (kind !== TokenKind.Word) return null;
  const first = wordPieces(lex, tokens.folded[i]);
  if (!first) return null;
  const acc = { total: 0, cur: 0 };
  accumulate(lex, first, acc);
  let end = i + 1;
  while (end < limit) {
    const t = tokens.folded[end];
    const hyphen = t === '-' && acc.cur >= 20 && acc.cur % 10 === 0 && end + 1 < limit;
    const joiner = lex.joiners.has(t) && acc.cur % 100 === 0 && acc.cur + acc.total >= 100 && end + 1 < limit;
    const next = hyphen || joiner ? end + 1 : end;
    const pieces = wordPieces(lex, tokens.folded[next]);
    if (!pieces) break;
    const probe = { total: 0, cur: 0 };
    accumulate(lex, pieces, probe);
    const step = probe.total + probe.cur;
    const scales = lex.multipliers.has(pieces[pieces.length - 1]) && pieces.length === 1;
    const fits = scales || (acc.cur % 100 === 0 && acc.cur > 0 && step < 100) || (acc.cur % 10 === 0 && acc.cur >= 20 && step < 10)
      || (acc.cur === 0 && acc.total > 0 && step < 1000);
    if (!fits) break;
    accumulate(lex, pieces, acc);
    end = next + 1;
  }
  return { start: i, end, value: acc.total + acc.cur, decimal: false, word: true, plain: false };
}
