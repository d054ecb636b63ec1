import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGeiger, type GeigerRun } from '../../test/helpers/run-geiger.js';

const dir = mkdtempSync(join(tmpdir(), 'geiger-ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const geiger = (args: string[], input: string): Promise<GeigerRun> => runGeiger(args, { input });

const ROW = JSON.stringify({ id: 'cli-1', date: '2024-02-02', text: 'The Pentagon said on Friday that two bombers had flown over the Baltic Sea in a show of support for allies.' });

describe('geiger ingest', () => {
  it('reads stdin, prints a summary without progress in a pipe, names each failure and exits 1 only when something failed', { timeout: 180_000 }, async () => {
    const db = join(dir, 'cli.db');
    const first = await geiger(['ingest', '-', '--db', db], `${ROW}\n{not json\n`);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^read 2, new 1, duplicates 0, near-duplicates 0, failed 1 in /);
    expect(first.stderr).toMatch(/<stdin>:2: /);
    expect(first.stderr).not.toContain('\r');
    const again = await geiger(['ingest', '-', '--db', db, '--json'], `${ROW}\n`);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 1, new: 0, duplicates: 1, failed: [] });
  });

  it('stores the same analyses whether articles are analysed in worker threads or in process', { timeout: 180_000 }, async () => {
    const rows = [
      ROW,
      JSON.stringify({ id: 'cli-2', date: '2024-02-03', text: 'Poetin zei zaterdag dat Rusland tactische kernwapens in Wit-Rusland plaatst. De NAVO noemde dat onverantwoord.' }),
      JSON.stringify({ id: 'cli-3', date: '2024-02-04', text: 'Moskau kündigte an, die Übung mit Iskander-Raketen bei Kaliningrad fortzusetzen, sagte ein Sprecher.' }),
      '{"id": 3',
    ].join('\n') + '\n';
    const stores = [];
    for (const threads of ['0', '2']) {
      const db = join(dir, `threads-${threads}.db`);
      const run = await geiger(['ingest', '-', '--db', db, '--threads', threads, '--batch', '2', '--json'], rows);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ read: 4, new: 3, failed: [expect.objectContaining({ file: '<stdin>', line: 4 })] });
      const { openStore } = await import('../store/store.js');
      const store = await openStore({ db, url: undefined });
      const records = [];
      for (const id of ['cli-1', 'cli-2', 'cli-3']) records.push((await store.getArticle(id))?.analysis);
      for (const q of ['bombers', 'kernwapens', 'Raketen']) records.push((await store.search({ q })).items.map((h) => h.id));
      await store.close();
      stores.push(records);
    }
    expect(stores[0].slice(0, 3).every((r) => r !== undefined && !Array.isArray(r) && r.entities.length > 0)).toBe(true);
    expect(stores[0].slice(3)).toEqual([['cli-1'], ['cli-2'], ['cli-3']]);
    expect(stores[1]).toEqual(stores[0]);
  });

  it('fails on a missing codebook before creating the store, with or without analysis workers', { timeout: 60_000 }, async () => {
    for (const threads of ['0', '1']) {
      const db = join(dir, `no-codebook-${threads}.db`);
      const run = await geiger(['ingest', '-', '--db', db, '--threads', threads, '--codebook', join(dir, 'no-such-codebook')], `${ROW}\n`);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('no-such-codebook: codebook folder not found');
      expect(existsSync(db)).toBe(false);
    }
  });

  it('refuses a thread count that is not a number', async () => {
    const run = await geiger(['ingest', '-', '--db', join(dir, 'x.db'), '--threads', 'many'], `${ROW}\n`);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--threads must be a positive integer, got "many"/);
  });
});
