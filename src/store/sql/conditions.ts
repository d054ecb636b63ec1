import { GeigerError } from '../../errors.js';
import type { CommonFilter } from '../store.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A list of SQL conditions joined by AND, with `?` placeholders and their parameters in order. */
export class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds one condition and the parameters its placeholders take. */
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** "WHERE ..." or the empty string. */
  where(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}

/** A filter value as a list (undefined and empty mean no filter). */
export function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** n placeholders separated by commas. */
export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Checks a filter date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"). */
export function checkDate(value: string | undefined, field: string): string | undefined {
  if (value !== undefined && !DATE.test(value)) {
    throw new GeigerError('BAD_REQUEST', `${field} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/**
 * Adds the overlap of a date column with [from, to] (checked): the column at its own precision, compared with the
 * bounds cut to that precision, is inside ("2023-05" is inside from "2023-05-10"); NULL is never inside. Written as
 * plain comparisons with the column (no function of it per row, and an index on it applies):
 *   date >= from cut to length(date)   ⟺  date >= from, or date is a proper prefix of from;
 *   date cut to length(to) <= to       ⟺  date < to with its last character raised by one.
 * Both hold for any strings (without NUL, where SQLite's length() stops) under byte order; the bounds are ASCII.
 */
export function addDateRange(c: Conditions, column: string, f: { from?: string; to?: string }): void {
  const from = checkDate(f.from, 'from');
  const to = checkDate(f.to, 'to');
  if (from) {
    const prefixes = Array.from({ length: from.length }, (_, n) => from.slice(0, n));
    c.add(`(${column} >= ? OR ${column} IN (${marks(prefixes.length)}))`, from, ...prefixes);
  }
  if (to) c.add(`${column} < ?`, to.slice(0, -1) + String.fromCharCode(to.charCodeAt(to.length - 1) + 1));
}

/** Adds "name or codebook id in list" on two columns. */
export function addNames(c: Conditions, nameColumn: string, idColumn: string, names: string[]): void {
  if (names.length === 0) return;
  c.add(`(${nameColumn} IN (${marks(names.length)}) OR ${idColumn} IN (${marks(names.length)}))`, ...names, ...names);
}

/**
 * Adds the article-level filters on alias `a`: near copies, date overlap, language, relevance; with
 * `mentions` the actor filter as "mentions the entity"; with `events` type and minIntensity as "has such an event".
 */
export function addArticleFilters(
  c: Conditions, f: CommonFilter, use: { mentions: boolean; events: boolean },
): void {
  if (!f.includeNearCopies) c.add('a.near_duplicate_of IS NULL');
  addDateRange(c, 'a.date', f);
  const langs = asList(f.lang);
  if (langs.length > 0) c.add(`a.lang IN (${marks(langs.length)})`, ...langs);
  if (f.relevantOnly) c.add('a.relevant = ?', true);
  const actors = asList(f.actor);
  if (use.mentions && actors.length > 0) {
    c.add(
      `EXISTS (SELECT 1 FROM entities me WHERE me.article_id = a.id AND (me.name IN (${marks(actors.length)}) OR me.codebook_id IN (${marks(actors.length)})))`,
      ...actors, ...actors,
    );
  }
  const types = asList(f.type);
  if (use.events && (types.length > 0 || f.minIntensity !== undefined)) {
    const inner = new Conditions().add('xe.article_id = a.id');
    if (types.length > 0) inner.add(`xe.type IN (${marks(types.length)})`, ...types);
    if (f.minIntensity !== undefined) inner.add('xe.intensity >= ?', f.minIntensity);
    c.add(`EXISTS (SELECT 1 FROM events xe ${inner.where()})`, ...inner.params);
  }
}

/**
 * The article-level filters of a timeline (near copies, date overlap, language, relevance) on the timeline tables
 * (alias `d`), with the same meaning addArticleFilters gives them on articles. `dateColumn` is the article date, or
 * its first 7 characters ('month'), which decide the date filters alike as long as those are at most 7 long. The
 * language '' cannot be told from an unknown language there; callers leave such filters to the articles.
 */
export function addDayFilters(
  c: Conditions, f: Pick<CommonFilter, 'from' | 'to' | 'lang' | 'relevantOnly' | 'includeNearCopies'>,
  dateColumn: 'date' | 'month',
): void {
  if (!f.includeNearCopies) c.add('d.near = 0');
  if (f.from !== undefined || f.to !== undefined) c.add('d.dated = 1');
  addDateRange(c, `d.${dateColumn}`, f);
  const langs = asList(f.lang);
  if (langs.length > 0) c.add(`d.lang IN (${marks(langs.length)})`, ...langs);
  if (f.relevantOnly) c.add('d.relevant = 1');
}

/** LIMIT/OFFSET with their parameters; no limit means all rows. */
export function paging(f: { limit?: number; offset?: number }): { sql: string; params: number[] } {
  const limit = f.limit ?? Number.MAX_SAFE_INTEGER;
  const offset = f.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    throw new GeigerError('BAD_REQUEST', 'limit and offset must be non-negative integers');
  }
  return { sql: 'LIMIT ? OFFSET ?', params: [limit, offset] };
}
