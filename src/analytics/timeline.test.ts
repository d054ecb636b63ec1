import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_RECORDS } from '../../test/helpers/analytics-records.js';
import { storeWith } from '../../test/helpers/stored-records.js';
import type { Store } from '../store/store.js';
import { escalationIndex } from './escalation-index.js';
import { timelineWithIndex } from './timeline.js';

let store: Store;
beforeAll(async () => { store = (await storeWith(ANALYTICS_RECORDS)).store; });
afterAll(async () => { await store.close(); });

describe('timelineWithIndex', () => {
  it('gives each month its per-type volumes and index', async () => {
    const t = await timelineWithIndex(store, { by: 'month' });
    const march = t.buckets.find((b) => b.period === '2023-03');
    expect(march?.volumes).toEqual({ DEPLOY: { count: 2, intensitySum: 14 }, CONDEMN: { count: 2, intensitySum: 8 }, THREATEN: { count: 1, intensitySum: 9 } });
    expect(march?.index).toBe(escalationIndex(march!.volumes).index);
    expect(march?.index).toBeGreaterThan(0);
  });

  it('does not count a near copy twice', async () => {
    const without = await timelineWithIndex(store, { by: 'month' });
    const withCopies = await timelineWithIndex(store, { by: 'month', includeNearCopies: true });
    const m = (t: typeof without) => t.buckets.find((b) => b.period === '2023-03')!;
    expect(m(without).volumes.DEPLOY?.count).toBe(2);
    expect(m(withCopies).volumes.DEPLOY?.count).toBe(3);
    expect(m(withCopies).index).toBeGreaterThan(m(without).index);
  });

  it('gives empty and reassurance-only periods an index of 0', async () => {
    const t = await timelineWithIndex(store, { by: 'month' });
    expect(t.buckets.find((b) => b.period === '2023-05')).toMatchObject({ events: 0, index: 0 });
    const april = t.buckets.find((b) => b.period === '2023-04');
    expect(april).toMatchObject({ volumes: { REASSURE: { count: 1, intensitySum: 1 } }, index: 0, relief: 0.5 });
  });

  it('follows the type and actor filters', async () => {
    const threats = await timelineWithIndex(store, { by: 'month', type: 'THREATEN' });
    expect(threats.buckets.map((b) => b.index).filter((x) => x > 0)).toHaveLength(1);
    const putin = await timelineWithIndex(store, { by: 'day', actor: ['person.vladimir-putin'], from: '2023-03' });
    expect(putin.buckets.filter((b) => b.events > 0).map((b) => b.period)).toEqual(['2023-03-25', '2023-03-27']);
  });
});
