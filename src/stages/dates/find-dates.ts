import type { Doc } from '../../doc/doc.js';
import { TokenKind, type TokenTable } from '../../doc/token-table.js';
import type { DateMention } from '../../pipeline/analysis.js';
import { addDays, addMonths, daysIn, formatDate, resolveWeekday, yearForMonth, type PubDate } from './calendar.js';
import { startKey, type DateLexicon, type Offset } from './date-cues.js';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const TWO_DIGITS = /^\d{1,2}$/;
const FOUR_DIGITS = /^\d{4}$/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function dayAt(lex: DateLexicon, tokens: TokenTable, i: number): number | null {
  if (i >= tokens.length) return null;
  const t = tokens.folded[i];
  if (!isDigit(t.charCodeAt(0))) return null;
  const m = tokens.kinds[i] === TokenKind.Number ? (TWO_DIGITS.test(t) ? t : null) : lex.ordinal.exec(t)?.[1] ?? null;
  if (!m) return null;
  const d = Number(m);
  return d >= 1 && d <= 31 ? d : null;
}

function yearAt(tokens: TokenTable, i: number): number | null {
  if (i >= tokens.length || tokens.kinds[i] !== TokenKind.Number || !FOUR_DIGITS.test(tokens.folded[i])) return null;
  const y = Number(tokens.folded[i]);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/** Skips one "." (German ordinal, abbreviation) or "," directly at `i`. */
function skipMark(tokens: TokenTable, i: number, marks: string): number {
  return i < tokens.length && tokens.kinds[i] === TokenKind.Punct && marks.includes(tokens.folded[i]) ? i + 1 : i;
}

function skipFillers(lex: DateLexicon, tokens: TokenTable, i: number): number {
  let k = i;
  while (k < tokens.length && k < i + 2 && lex.fillers.has(tokens.folded[k])) k++;
  return k;
}

function weekdayOf(lex: DateLexicon, t: string): number | null {
  const exact = lex.weekdays.get(t);
  if (exact) return exact;
  for (const suffix of lex.weekdaySuffixes) {
    if (t.length > suffix.length && t.endsWith(suffix)) {
      const w = lex.weekdays.get(t.slice(0, -suffix.length));
      if (w) return w;
    }
  }
  return null;
}

function relativeValue(pub: PubDate, off: Offset): string | null {
  if (off.days !== undefined) return pub.day === null ? null : addDays(pub, off.days);
  if (off.months !== undefined) return addMonths(pub, off.months);
  if (off.years !== undefined) return String(pub.year + off.years);
  return null;
}

interface Found { end: number; value: string; rule: string }

/** A date starting with a day number: "24 februari 2022", "24. Februar", "le 1er mars", "24th of February". */
function dayFirst(lex: DateLexicon, tokens: TokenTable, i: number, pub: PubDate | null, lang: string): Found | null {
  const day = dayAt(lex, tokens, i);
  if (day === null) return null;
  const k = skipFillers(lex, tokens, skipMark(tokens, i + 1, '.'));
  const month = k < tokens.length ? lex.months.get(tokens.folded[k]) : undefined;
  if (!month) return null;
  const afterMonth = skipMark(tokens, k + 1, '.');
  const year = yearAt(tokens, skipMark(tokens, afterMonth, ','));
  if (year !== null) {
    if (day > daysIn(year, month)) return null;
    return { end: skipMark(tokens, afterMonth, ',') + 1, value: formatDate(year, month, day), rule: `date.${lang}.day-month-year` };
  }
  if (!pub) return null;
  const y = yearForMonth(pub, month);
  if (day > daysIn(y, month)) return null;
  return { end: k + 1, value: formatDate(y, month, day), rule: `date.${lang}.day-month` };
}

/** A date starting with a month: "February 24, 2022", "maart 2022", "in maart". */
function monthFirst(lex: DateLexicon, tokens: TokenTable, i: number, pub: PubDate | null, lang: string): Found | null {
  const t = tokens.folded[i];
  const month = lex.months.get(t);
  if (!month) return null;
  const k = skipMark(tokens, i + 1, '.');
  const day = dayAt(lex, tokens, k);
  if (day !== null) {
    const afterDay = skipMark(tokens, k + 1, ',');
    const year = yearAt(tokens, afterDay);
    if (year !== null && day <= daysIn(year, month)) return { end: afterDay + 1, value: formatDate(year, month, day), rule: `date.${lang}.month-day-year` };
    if (year === null && pub && yearAt(tokens, k) === null) {
      const y = yearForMonth(pub, month);
      if (day <= daysIn(y, month)) return { end: k + 1, value: formatDate(y, month, day), rule: `date.${lang}.month-day` };
    }
  }
  const year = yearAt(tokens, k);
  if (year !== null) return { end: k + 1, value: formatDate(year, month), rule: `date.${lang}.month-year` };
  if (!pub) return null;
  if (lex.ambiguous.has(t) && !(i > 0 && lex.introducers.longestEndingAt(tokens, i - 1))) return null;
  return { end: i + 1, value: formatDate(yearForMonth(pub, month), month), rule: `date.${lang}.month` };
}

/** "2022-02-24" written in the text. */
function isoDate(text: string, tokens: TokenTable, i: number): Found | null {
  const year = yearAt(tokens, i);
  if (year === null || i + 4 >= tokens.length) return null;
  if (tokens.folded[i + 1] !== '-' || tokens.folded[i + 3] !== '-' || tokens.ends[i + 3] !== tokens.starts[i + 4] || tokens.ends[i] !== tokens.starts[i + 1]) return null;
  const m = Number(tokens.folded[i + 2]);
  const d = Number(tokens.folded[i + 4]);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysIn(year, m)) || text.slice(tokens.starts[i + 2], tokens.ends[i + 2]).length !== 2) return null;
  return { end: i + 5, value: formatDate(year, m, d), rule: 'date.iso' };
}

/** Finds the dates a body mentions, resolved against the publication date where they need one. */
export function findDates(doc: Doc, lex: DateLexicon, pub: PubDate | null): DateMention[] {
  const { tokens, text } = doc;
  const lang = doc.lang;
  const out: DateMention[] = [];
  for (let i = 0; i < tokens.length;) {
    const kind = tokens.kinds[i];
    let f: Found | null = null;
    if (kind === TokenKind.Number) {
      f = isoDate(text, tokens, i) ?? dayFirst(lex, tokens, i, pub, lang);
      if (!f) {
        const year = yearAt(tokens, i);
        if (year !== null) f = { end: i + 1, value: String(year), rule: `date.${lang}.year` };
      }
    } else if (kind === TokenKind.Word && (isDigit(tokens.folded[i].charCodeAt(0)) || lex.starts.has(startKey(tokens.folded[i])))) {
      f = dayFirst(lex, tokens, i, pub, lang) ?? monthFirst(lex, tokens, i, pub, lang);
      if (!f && pub) {
        const rel = lex.relative.longestAt(tokens, i);
        const value = rel ? relativeValue(pub, rel.value) : null;
        if (rel && value) f = { end: i + rel.length, value, rule: `date.${lang}.relative` };
      }
      if (!f && pub) {
        const wd = weekdayOf(lex, tokens.folded[i]);
        if (wd !== null) {
          if (pub.day === null) f = { end: i + 1, value: formatDate(pub.year, pub.month), rule: `date.${lang}.weekday-month` };
          else {
            const forward = i > 0 && lex.next.longestEndingAt(tokens, i - 1) !== null;
            const after = !forward && i + 1 < tokens.length && lex.next.longestAt(tokens, i + 1) !== null;
            f = { end: i + 1, value: resolveWeekday(pub, wd, forward || after), rule: `date.${lang}.weekday` };
          }
        }
      }
    }
    if (f) {
      const span = doc.span(tokens.starts[i], tokens.ends[f.end - 1]);
      out.push({ start: span.start, end: span.end, text: span.text, value: f.value, rule: f.rule });
      i = f.end;
    } else i++;
  }
  return out;
}
