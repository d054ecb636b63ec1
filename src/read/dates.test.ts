import { describe, expect, it } from 'vitest';
import { normaliseDate } from './dates.js';

describe('normaliseDate', () => {
  it('keeps the calendar day written in an ISO timestamp with an offset', () => {
    expect(normaliseDate('2023-04-25T23:30:00-05:00')).toBe('2023-04-25');
  });

  it('reads RFC 822 feed dates', () => {
    expect(normaliseDate('Tue, 02 May 2023 07:15:00 +0200')).toBe('2023-05-02');
    expect(normaliseDate('5 Sept 2022 10:00 GMT')).toBe('2022-09-05');
  });

  it('keeps month precision and rejects nonsense', () => {
    expect(normaliseDate('2023-04')).toBe('2023-04');
    expect(normaliseDate('yesterday')).toBeNull();
    expect(normaliseDate('2023-19-01')).toBeNull();
    expect(normaliseDate(undefined)).toBeNull();
  });
});
