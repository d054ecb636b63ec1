import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadResult } from './read-result.js';
import { readSources } from './read-sources.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'geiger-jsonl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(path: string): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readSources([path])) results.push(result);
  return results;
}

const row = (fields: Record<string, unknown>): string => JSON.stringify(fields);

const ROWS = [
  row({ id: 'a1', date: '2023-03', text: 'The ministry confirmed the test launch.', url: 'https://example.org/a1', lang: 'en', title: 'Launch' }),
  row({ id: 'a2', date: '2023-03-14', text: 'A second report about the same drill.' }),
  '{"id": "a3", "text": "broken',
  row({ id: 'a4', date: null, text: 'No date on this one.' }),
  row({ id: 'a5', date: '2023-04' }),
  row({ text: 'No id here.' }),
];

describe('JSON Lines reader', () => {
  it('reads every good row and names file:line for a malformed one', async () => {
    const file = join(dir, 'batch.jsonl');
    await writeFile(file, ROWS.join('\r\n') + '\n\n');
    const results = await collect(file);
    expect(results.map((r) => (r.ok ? r.article.id : `${r.error.code}@${r.error.line}`))).toEqual([
      'a1', 'a2', 'MALFORMED_JSON@3', 'a4', 'MISSING_FIELD@5', 'batch:6',
    ]);
    const first = results[0];
    expect(first.ok && first.article).toEqual({
      id: 'a1', date: '2023-03', text: 'The ministry confirmed the test launch.',
      url: 'https://example.org/a1', lang: 'en', title: 'Launch', origin: { file, line: 1 },
    });
    const bad = results[2];
    expect(!bad.ok && bad.error.describe()).toMatch(new RegExp(`^${file}:3: malformed JSON`));
  });

  it('reads gzipped JSON Lines as a stream', async () => {
    const file = join(dir, 'batch.ndjson.gz');
    await writeFile(file, gzipSync(ROWS.slice(0, 2).join('\n')));
    const ids = (await collect(file)).map((r) => r.ok && r.article.id);
    expect(ids).toEqual(['a1', 'a2']);
  });

  it('strips a date marker from the row text and uses its date when the row has none', async () => {
    const file = join(dir, 'marked.jsonl');
    const text = 'Het parlement stemde in met het voorstel.';
    await writeFile(file, [row({ id: 'm1', text: ` date 2022-11-02 ${text}` }), row({ id: 'm2', date: '2022-12', text: ` date 2022-11 ${text}` })].join('\n'));
    const articles = (await collect(file)).map((r) => r.ok && r.article);
    expect(articles).toMatchObject([{ id: 'm1', date: '2022-11-02', text }, { id: 'm2', date: '2022-12', text }]);
  });

  it('yields the rows before a truncated gzip and then a TRUNCATED error', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => row({ id: `r${i}`, text: `Row number ${i} with some filler words ${'w'.repeat(i % 50)}` }));
    const gz = gzipSync(lines.join('\n'));
    const file = join(dir, 'cut.jsonl.gz');
    await writeFile(file, gz.subarray(0, gz.length - 20));
    const results = await collect(file);
    const last = results[results.length - 1];
    expect(results.length).toBeGreaterThan(300);
    expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
    expect(last).toMatchObject({ ok: false, error: { code: 'TRUNCATED', file } });
  });

  it('reports invalid UTF-8 on its line and an empty file as EMPTY', async () => {
    const file = join(dir, 'mixed.jsonl');
    await writeFile(file, Buffer.concat([Buffer.from(`${ROWS[0]}\n{"id":"x","text":"caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    expect((await collect(file)).map((r) => (r.ok ? 'ok' : `${r.error.code}@${r.error.line}`))).toEqual(['ok', 'INVALID_UTF8@2']);
    const empty = join(dir, 'empty.jsonl');
    await writeFile(empty, '\n\n');
    expect(await collect(empty)).toMatchObject([{ ok: false, error: { code: 'EMPTY' } }]);
  });
});
