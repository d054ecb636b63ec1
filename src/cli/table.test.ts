import { describe, expect, it } from 'vitest';
import { bar, formatTable, truncate } from './table.js';

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers and shows missing values as "-"', () => {
    const lines = formatTable([{ header: 'name' }, { header: 'n', align: 'right' }, { header: 'note' }], [['Putin', 12, null], ['NATO', 3, 'ok']]);
    expect(lines).toEqual(['name    n  note', '─────  ──  ────', 'Putin  12  -', 'NATO    3  ok']);
  });

  it('cuts long cells at the column maximum and flattens line breaks', () => {
    const [, , row] = formatTable([{ header: 't', max: 8 }], [['one two\nthree four']]);
    expect(row).toBe('one two…');
  });
});

describe('truncate and bar', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghijk', 5)).toBe('abcd…');
  });

  it('draws bars proportional to the maximum, never empty for a positive value', () => {
    expect(bar(5, 10, 10)).toBe('█████');
    expect(bar(0.01, 10, 10)).toBe('█');
    expect(bar(0, 10)).toBe('');
    expect(bar(20, 10, 4)).toBe('████');
  });
});
