import { describe, expect, it } from 'vitest';
import { escalationIndex } from './escalation-index.js';

describe('escalationIndex', () => {
  it('is 0 for an empty period', () => {
    expect(escalationIndex({})).toEqual({ heat: 0, relief: 0, index: 0 });
  });

  it('computes the worked example of the documentation', () => {
    const score = escalationIndex({ THREATEN: { count: 1, intensitySum: 9 }, DEPLOY: { count: 1, intensitySum: 7 }, REASSURE: { count: 1, intensitySum: 1 } });
    expect(score.heat).toBe(1.53);
    expect(score.relief).toBe(0.5);
    expect(score.index).toBe(4.02);
  });

  it('rises with more threats and with stronger threats', () => {
    const one = escalationIndex({ THREATEN: { count: 1, intensitySum: 6 } }).index;
    const two = escalationIndex({ THREATEN: { count: 2, intensitySum: 12 } }).index;
    const stronger = escalationIndex({ THREATEN: { count: 1, intensitySum: 9 } }).index;
    expect(two).toBeGreaterThan(one);
    expect(stronger).toBeGreaterThan(one);
  });

  it('weighs a threat above a condemnation of the same intensity', () => {
    expect(escalationIndex({ THREATEN: { count: 1, intensitySum: 5 } }).index)
      .toBeGreaterThan(escalationIndex({ CONDEMN: { count: 1, intensitySum: 5 } }).index);
  });

  it('is lowered by reassurance but never below 0', () => {
    const base = { DEPLOY: { count: 2, intensitySum: 14 } };
    const calmed = escalationIndex({ ...base, REASSURE: { count: 1, intensitySum: 0 } }).index;
    expect(calmed).toBeLessThan(escalationIndex(base).index);
    expect(escalationIndex({ REASSURE: { count: 5, intensitySum: 0 } }).index).toBe(0);
  });

  it('stays below 10 however much happens', () => {
    expect(escalationIndex({ THREATEN: { count: 500, intensitySum: 5000 } }).index).toBeLessThanOrEqual(10);
  });
});
