import { describe, expect, it } from 'vitest';
import type { TreatyAction } from '../pipeline/analysis.js';
import type { StoredEvent } from '../store/store.js';
import { treatyStatus } from './treaty-status.js';

let n = 0;
const act = (treaty: string | null, action: TreatyAction | null, date: string | null, actor = 'Russia', extra: Partial<StoredEvent> = {}): StoredEvent => ({
  articleId: `t${++n}`, date, lang: 'en', title: `title ${n}`, type: 'TREATY', actor, actorId: null, target: null, targetId: null,
  weapon: null, intensity: 5, evidence: { start: 0, end: 3, text: 'act' }, cue: null, negated: false, hypothetical: false,
  treaty, action, when: null, rule: null, ...extra,
});

describe('treatyStatus', () => {
  it('orders each treaty\'s acts and reports the latest status', () => {
    const [s] = treatyStatus([act('New START', 'suspend', '2023-02-21'), act('New START', 'extend', '2021-02-03', 'United States')]);
    expect(s.treaty).toBe('New START');
    expect(s.acts.map((a) => a.action)).toEqual(['extend', 'suspend']);
    expect(s.status).toBe('suspended');
    expect(s.latest).toMatchObject({ articleId: expect.any(String), date: '2023-02-21', title: expect.stringMatching(/^title/) });
  });

  it('keeps each party\'s latest status apart', () => {
    const [s] = treatyStatus([
      act('New START', 'suspend', '2023-02-21'), act('New START', 'stop-data-exchange', '2023-06-01', 'United States'),
    ]);
    expect(s.status).toBe('data exchange stopped');
    expect(s.byActor).toEqual([
      { actor: 'Russia', status: 'suspended', date: '2023-02-21' },
      { actor: 'United States', status: 'data exchange stopped', date: '2023-06-01' },
    ]);
  });

  it('dates an act by when it happened rather than when it was reported', () => {
    const [s] = treatyStatus([
      act('CTBT', 'de-ratify', '2023-11-20', 'Russia', { when: '2023-11-02' }), act('CTBT', 'comply', '2023-11-10'),
    ]);
    expect(s.acts.map((a) => a.action)).toEqual(['de-ratify', 'comply']);
    expect(s.status).toBe('in force');
  });

  it('lists hypothetical acts without letting them set the status, and leaves out negated ones', () => {
    const [s] = treatyStatus([
      act('INF', 'withdraw', '2019-08-02', 'United States'), act('INF', 'sign', '2024-01-01', 'Russia', { hypothetical: true }),
      act('INF', 'comply', '2024-02-01', 'Russia', { negated: true }),
    ]);
    expect(s.acts).toHaveLength(2);
    expect(s.status).toBe('withdrawn');
  });

  it('groups acts without a named treaty last and skips other event types', () => {
    const out = treatyStatus([act(null, 'violate', '2023-01-01'), act('CTBT', null, '2022-01-01'), { ...act('CTBT', 'sign', '2022-01-01'), type: 'THREATEN' }]);
    expect(out.map((s) => s.treaty)).toEqual(['CTBT', null]);
    expect(out[0]).toMatchObject({ status: null, latest: null });
    expect(treatyStatus([])).toEqual([]);
  });
});
