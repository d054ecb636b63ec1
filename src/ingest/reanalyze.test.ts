import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK_DIR } from '../codebook/load.js';
import { openStore } from '../store/store.js';
import { runGeiger, type GeigerRun } from '../../test/helpers/run-geiger.js';

const dir = mkdtempSync(join(tmpdir(), 'geiger-reanalyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const geiger = (args: string[]): Promise<GeigerRun> => runGeiger(args);

const TEXT = 'Zorbakov told reporters on Friday that Russia would keep its tactical nuclear weapons in Belarus. NATO called the remarks reckless.';

function withAlias(): string {
  const copy = join(dir, 'codebook');
  cpSync(DEFAULT_CODEBOOK_DIR, copy, { recursive: true });
  const file = join(copy, 'people', 'russia.yaml');
  const before = readFileSync(file, 'utf8');
  const after = before.replace('all: [Vladimir Putin, Putin,', 'all: [Vladimir Putin, Zorbakov, Putin,');
  if (after === before) throw new Error('fixture: the Putin alias line moved');
  writeFileSync(file, after);
  return copy;
}

const names = async (db: string, id: string) => {
  const store = await openStore({ db, url: '' });
  try {
    const got = await store.getArticle(id);
    return { names: got?.analysis.entities.map((e) => e.name) ?? [], codebook: got?.codebookVersion };
  } finally {
    await store.close();
  }
};

describe('geiger reanalyze', () => {
  it('recomputes analyses made with another codebook, once, and redoes all with --all', { timeout: 240_000 }, async () => {
    const db = join(dir, 'store.db');
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 'z1', date: '2024-05-01', text: TEXT })}\n${JSON.stringify({ id: 'z2', date: '2024-05-02', text: 'NATO ministers met in Brussels on Thursday to discuss nuclear deterrence.' })}\n`);
    expect((await geiger(['ingest', input, '--db', db, '--quiet'])).code).toBe(0);
    const before = await names(db, 'z1');
    expect(before.names).not.toContain('Vladimir Putin');

    const codebook = withAlias();
    const first = await geiger(['reanalyze', '--db', db, '--codebook', codebook, '--batch', '1', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ done: 2, failed: [] });
    const after = await names(db, 'z1');
    expect(after.names).toContain('Vladimir Putin');
    expect(after.codebook).not.toBe(before.codebook);

    const again = await geiger(['reanalyze', '--db', db, '--codebook', codebook, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ done: 0 });
    const all = await geiger(['reanalyze', '--all', '--db', db, '--codebook', codebook, '--json']);
    expect(JSON.parse(all.stdout)).toMatchObject({ done: 2, lastId: 'z2' });
  });
});
