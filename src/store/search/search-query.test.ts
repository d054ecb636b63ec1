import { describe, expect, it } from 'vitest';
import { assertPositive, parseQuery } from './search-query.js';
import { toFts5, toTsquery } from './render-query.js';

describe('parseQuery', () => {
  it('joins adjacent words with AND and lets AND bind tighter than OR', () => {
    expect(parseQuery('a b OR c')).toEqual({
      kind: 'or',
      items: [{ kind: 'and', items: [{ kind: 'term', word: 'a' }, { kind: 'term', word: 'b' }] }, { kind: 'term', word: 'c' }],
    });
  });

  it('reads quoted phrases, NOT, -word and parentheses', () => {
    expect(parseQuery('"tactische kernwapens" NOT (x OR y) -z')).toEqual({
      kind: 'and',
      items: [
        { kind: 'phrase', words: ['tactische', 'kernwapens'] },
        { kind: 'not', item: { kind: 'or', items: [{ kind: 'term', word: 'x' }, { kind: 'term', word: 'y' }] } },
        { kind: 'not', item: { kind: 'term', word: 'z' } },
      ],
    });
  });

  it('treats lower-case and/or/not as words and hyphenated words as phrases', () => {
    expect(parseQuery('war and peace')).toMatchObject({ kind: 'and', items: [{ word: 'war' }, { word: 'and' }, { word: 'peace' }] });
    expect(parseQuery('RS-24')).toEqual({ kind: 'phrase', words: ['RS', '24'] });
  });

  it('survives unbalanced quotes, brackets and dangling operators', () => {
    expect(parseQuery('OR (a AND')).toEqual({ kind: 'term', word: 'a' });
    expect(parseQuery('"open phrase')).toEqual({ kind: 'phrase', words: ['open', 'phrase'] });
    expect(parseQuery(') * ^ :')).toBeNull();
  });

  it('rejects queries that only negate', () => {
    expect(() => assertPositive(parseQuery('NOT a')!)).toThrow(/not negated/);
    expect(() => assertPositive(parseQuery('a OR -b')!)).toThrow();
    expect(() => assertPositive(parseQuery('a -b')!)).not.toThrow();
  });
});

describe('query rendering', () => {
  it('quotes every FTS5 key and expands words into their stems per language', () => {
    const node = parseQuery('Kernwapens -"de NAVO"')!;
    expect(toFts5(node, ['nl'])).toBe('(("kernwapens" OR "kernwap") NOT "de navo")');
  });

  it('renders the same query as a tsquery', () => {
    expect(toTsquery(parseQuery('threatened OR "new start"')!, ['en'])).toBe("(('threatened' | 'threaten') | ('new' <-> 'start'))");
  });

  it('cannot be steered by quotes or operators inside words', () => {
    const node = parseQuery(`it's "x" NEAR(a)`)!;
    expect(toFts5(node, [])).toBe('("it s" AND "x" AND "near" AND "a")');
    expect(toTsquery(parseQuery("o'brien")!, [])).toBe("('o' <-> 'brien')");
  });
});
