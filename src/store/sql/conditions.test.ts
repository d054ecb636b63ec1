import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Conditions, addDateRange } from './conditions.js';

const db = new Database(':memory:');
afterAll(() => db.close());

db.exec('CREATE TABLE t (d TEXT)');
const holding = (date: string | null, where: string, params: unknown[]): boolean => {
  db.prepare('DELETE FROM t').run();
  db.prepare('INSERT INTO t (d) VALUES (?)').run(date);
  return Boolean((db.prepare(`SELECT coalesce((${where}), 0) AS ok FROM t`).get(...params) as { ok: number }).ok);
};

/** The date filters as first written: the column cut to, or the bound cut to, the other's precision. */
const byCutting = (date: string | null, from?: string, to?: string): boolean => {
  const c: string[] = ['1'];
  const params: unknown[] = [];
  if (from) { c.push('d IS NOT NULL AND d >= substr(CAST(? AS TEXT), 1, length(d))'); params.push(from); }
  if (to) { c.push(`d IS NOT NULL AND substr(d, 1, ${to.length}) <= ?`); params.push(to); }
  return holding(date, c.join(' AND '), params);
};

const byRange = (date: string | null, from?: string, to?: string): boolean => {
  const c = new Conditions().add('1');
  addDateRange(c, 'd', { from, to });
  return holding(date, c.parts.join(' AND '), c.params);
};

const day = fc.tuple(fc.integer({ min: 2019, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
/** A filter bound: YYYY, YYYY-MM or YYYY-MM-DD. */
const bound = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, n]) => d.slice(0, n));
/**
 * Stored dates: bounds' shapes, empty, longer timestamps, odd strings near the bounds. Not NUL, which SQLite's
 * length() stops at, so the cutting form reads "x\0" as "x".
 */
const stored = fc.oneof(
  bound,
  day.map((d) => `${d}T12:00:00Z`),
  fc.constant(''),
  fc.constant(null),
  fc.tuple(bound, fc.string({ maxLength: 3 })).map(([b, s]) => b + s),
  fc.tuple(bound, fc.integer({ min: 0, max: 10 })).map(([b, n]) => b.slice(0, n)),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
).filter((d) => d === null || !d.includes('\u0000'));

describe('addDateRange', () => {
  it('keeps the meaning of cutting dates to the precision of the other side, for any stored string', () => {
    fc.assert(fc.property(stored, fc.option(bound, { nil: undefined }), fc.option(bound, { nil: undefined }), (date, from, to) => {
      expect(byRange(date, from, to)).toBe(byCutting(date, from, to));
    }), { numRuns: 3000 });
  });

  it('takes overlapping coarse dates and leaves out NULL', () => {
    expect(byRange('2023-05', '2023-05-10')).toBe(true);
    expect(byRange('2023', '2023-05-10', '2023-05-20')).toBe(true);
    expect(byRange('2023-04-30', '2023-05')).toBe(false);
    expect(byRange('2023-06-30T23:59', undefined, '2023-06-30')).toBe(true);
    expect(byRange('2023-07-01', undefined, '2023-06-30')).toBe(false);
    expect(byRange(null, '2020')).toBe(false);
    expect(byRange(null, undefined, '2030')).toBe(false);
  });

  it('rejects malformed bounds', () => {
    expect(() => addDateRange(new Conditions(), 'd', { from: '25-03-2023' })).toThrow(/from must be/);
    expect(() => addDateRange(new Conditions(), 'd', { to: '2023-5' })).toThrow(/to must be/);
  });
});
