import { mkdtempSync, rmSync } from 'node:fs';
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
});
