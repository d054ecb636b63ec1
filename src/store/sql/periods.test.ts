import { describe, expect, it } from 'vitest';
import { nextStart, periodOf, periodStarts } from './periods.js';

describe('periods', () => {
  it('puts days into ISO weeks across year ends', () => {
    expect(periodOf('2021-01-03', 'week')).toEqual({ period: '2020-W53', start: '2020-12-28' });
    expect(periodOf('2024-12-30', 'week')).toEqual({ period: '2025-W01', start: '2024-12-30' });
    expect(periodOf('2023-06-15', 'week')).toEqual({ period: '2023-W24', start: '2023-06-12' });
  });

  it('leaves out dates coarser than the period', () => {
    expect(periodOf('2023-05', 'day')).toBeNull();
    expect(periodOf('2023', 'month')).toBeNull();
    expect(periodOf(null, 'month')).toBeNull();
    expect(periodOf('2023-05', 'month')).toEqual({ period: '2023-05', start: '2023-05-01' });
  });

  it('steps through months over a year end', () => {
    expect(nextStart('2023-12-01', 'month')).toBe('2024-01-01');
    expect(periodStarts('2023-11-01', '2024-02-01', 'month')).toEqual(['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01']);
  });
});
