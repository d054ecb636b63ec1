import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_RECORDS } from '../../test/helpers/analytics-records.js';
import { storeWith } from '../../test/helpers/stored-records.js';
import { runGeiger, type GeigerRun } from '../../test/helpers/run-geiger.js';

let db = '';

const geiger = (...args: string[]): Promise<GeigerRun> => runGeiger([...args, '--db', db], { env: {} });

async function json<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const r = await geiger(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

beforeAll(async () => {
  const { store, file } = await storeWith(ANALYTICS_RECORDS);
  await store.close();
  db = file;
});

describe('query commands as real processes', { timeout: 180_000 }, () => {
  it('search ranks hits, marks them with «» when not on a terminal and pages without a cap', async () => {
    const r = await geiger('search', 'Belarus', '--limit', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^showing 1–1 of 2 for "Belarus"/);
    expect(r.stdout).toContain('«Belarus»');
    expect(r.stdout).toContain('next page: --offset 1');
    const page2 = await json<{ total: number; items: { id: string }[] }>('search', 'Belarus', '--limit', '1', '--offset', '1');
    expect(page2.total).toBe(2);
    expect(page2.items).toHaveLength(1);
  });

  it('search takes phrases, boolean operators and filters', async () => {
    const phrase = await json<{ items: { id: string }[] }>('search', '"tactical nuclear weapons"');
    expect(phrase.items.map((i) => i.id)).toEqual(['en-deploy']);
    const or = await json<{ total: number }>('search', 'Medvedev OR Navo');
    expect(or.total).toBe(2);
    const filtered = await json<{ items: { id: string }[] }>('search', 'Belarus', '--lang', 'nl', '--actor', 'Poetin', '--type', 'deploy', '--min-intensity', '6');
    expect(filtered.items.map((i) => i.id)).toEqual(['nl-deploy']);
  });

  it('quotes --speaker Poetin finds Putin\'s quotes in English and Dutch records', async () => {
    const all = await json<{ total: number; items: { articleId: string; speaker: string }[] }>('quotes', '--speaker', 'Poetin');
    expect(all.items.map((q) => q.articleId).sort()).toEqual(['en-deploy', 'nl-deploy']);
    const english = await json<{ items: { text: string }[] }>('quotes', '--speaker', 'Poetin', '--lang', 'en', '--direct');
    expect(english.items.map((q) => q.text)).toEqual(['We are doing nothing out of the ordinary here,']);
    expect((await json<{ total: number }>('quotes', '--indirect')).total).toBe(1);
    const table = await geiger('quotes', '--speaker', 'Poutine');
    expect(table.stdout).toMatch(/speaker\s+kind/);
    expect(table.stdout).toContain('Vladimir Putin');
  });

  it('events filters by type, actor in any language, target and intensity', async () => {
    const byActor = await json<{ items: { type: string }[] }>('events', '--actor', 'Navo');
    expect(byActor.items.map((e) => e.type)).toEqual(['CONDEMN', 'CONDEMN']);
    const targets = await json<{ total: number }>('events', '--target', 'Russische', '--type', 'TREATY');
    expect(targets.total).toBe(1);
    expect((await json<{ total: number }>('events', '--min-intensity', '7')).total).toBe(3);
    expect((await json<{ total: number }>('events', '--from', '2023-04', '--to', '2023-06')).total).toBe(2);
    const bad = await geiger('events', '--type', 'BOMB');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown event type "BOMB"');
  });

  it('claims shows the ledger with conflicts side by side, and the balance', async () => {
    const r = await geiger('claims');
    expect(r.stdout).toMatch(/Russia · nuclear warheads {2}CONFLICT: ~1,550 \(Analysts, 2023-03-29, en-threat\) {2}vs {2}~2,000/);
    const balance = await json<{ item: string; holders: { holder: string; latest: { quantity: number } }[] }[]>('claims', '--balance');
    expect(balance[0].holders.map((h) => [h.holder, h.latest.quantity])).toEqual([['Russia', 2000], ['United States', 1420]]);
    const us = await json<{ holder: string }[]>('claims', '--holder', 'Verenigde Staten');
    expect(us.map((e) => e.holder)).toEqual(['United States']);
  });

  it('actors ranks actors and profiles one by any of its names', async () => {
    const top = await json<{ items: { name: string; mentions: number }[] }>('actors', '--limit', '3');
    expect(top.items[0]).toMatchObject({ name: 'Russia', mentions: 6 });
    const table = await geiger('actors', '--sort', 'quotes', '--limit', '2');
    expect(table.stdout.split('\n')[3]).toMatch(/^ *1  Vladimir Putin/);
    const profile = await json<{ name: string; counts: { quotes: number } }>('actors', 'Poetin');
    expect(profile).toMatchObject({ name: 'Vladimir Putin', counts: { quotes: 2 } });
  });

  it('timeline prints counts per type and the escalation index per period', async () => {
    const r = await geiger('timeline', '--by', 'month');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/month\s+articles\s+events\s+THREAT\s+DEPLOY/);
    expect(r.stdout).toMatch(/2023-03 .*█/);
    const t = await json<{ buckets: { period: string; index: number }[] }>('timeline', '--by', 'week', '--actor', 'Poetin');
    expect(t.buckets.filter((b) => b.index > 0).map((b) => b.period)).toEqual(['2023-W12', '2023-W13']);
    expect((await geiger('timeline', '--by', 'year')).code).toBe(2);
  });

  it('stories clusters the Dutch and English deployment reports with the near copy', async () => {
    const s = await json<{ total: number; items: { languages: string[]; articles: { id: string }[] }[] }>('stories', '--min-articles', '2');
    expect(s.total).toBe(1);
    expect(s.items[0].articles.map((a) => a.id)).toEqual(['nl-deploy', 'en-deploy', 'en-deploy-copy']);
    const r = await geiger('stories', '--limit', '1');
    expect(r.stdout).toContain('en-deploy-copy (near copy)');
  });

  it('treaties shows each treaty\'s acts and latest status', async () => {
    const t = await json<{ treaty: string; status: string }[]>('treaties');
    expect(t.map((x) => [x.treaty, x.status])).toEqual([['CTBT', 'de-ratified'], ['New START', 'data exchange stopped']]);
    const r = await geiger('treaties');
    expect(r.stdout).toContain('New START — latest status: data exchange stopped  [Russia: suspended (2023-02-21); United States: data exchange stopped (2023-06-02)]');
  });

  it('reports a missing store and a bad date as errors without a stack trace', async () => {
    const missing = await runGeiger(['events', '--db', '/nonexistent/geiger.db'], { env: {} });
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain('no store at /nonexistent/geiger.db');
    const bad = await geiger('quotes', '--from', 'March');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^geiger: from must be YYYY/);
  });
});
