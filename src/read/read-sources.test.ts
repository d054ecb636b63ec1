import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadOptions } from './read-options.js';
import type { ReadResult } from './read-result.js';
import { readSources } from './read-sources.js';

const BODY = 'De regering kondigde woensdag aan dat de oefening met\nraketeenheden  volgende week begint.\n\nEen woordvoerder gaf geen details. ';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'geiger-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(paths: string[], options?: ReadOptions): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readSources(paths, options)) results.push(result);
  return results;
}

function articles(results: ReadResult[]) {
  return results.flatMap((r) => (r.ok ? [r.article] : []));
}

function errors(results: ReadResult[]) {
  return results.flatMap((r) => (r.ok ? [] : [r.error]));
}

describe('readSources', () => {
  it('reads a seed file with its date marker at month and day precision', async () => {
    await writeFile(join(dir, 'nl-month.txt'), ` date 2023-04 ${BODY}`);
    await writeFile(join(dir, 'nl-day.txt'), ` date 2023-04-26 ${BODY}`);
    const [day, month] = articles(await collect([dir]));
    expect(month).toMatchObject({ id: 'nl-month', date: '2023-04', text: BODY });
    expect(day).toMatchObject({ id: 'nl-day', date: '2023-04-26', text: BODY });
  });

  it('reads plain text without a marker with a null date, or the date given', async () => {
    const file = join(dir, 'plain.txt');
    await writeFile(file, BODY);
    expect(articles(await collect([file]))).toEqual([{ id: 'plain', date: null, text: BODY, origin: { file } }]);
    expect(articles(await collect([file], { date: '2022-10-03' }))[0].date).toBe('2022-10-03');
  });

  it('keeps the marker date over the date given', async () => {
    const file = join(dir, 'seed.txt');
    await writeFile(file, ` date 2021-01 ${BODY}`);
    expect(articles(await collect([file], { date: '2022-10' }))[0].date).toBe('2021-01');
  });

  it('walks directories recursively in path order, skipping hidden files and images', async () => {
    await mkdir(join(dir, 'b', 'deep'), { recursive: true });
    await mkdir(join(dir, 'a'));
    await writeFile(join(dir, 'b', 'deep', 'three.txt'), 'third article');
    await writeFile(join(dir, 'b', 'two.txt'), 'second article');
    await writeFile(join(dir, 'a', 'one.txt'), 'first article');
    await writeFile(join(dir, 'c.md'), 'fourth article');
    await writeFile(join(dir, '.hidden.txt'), 'hidden');
    await writeFile(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    await writeFile(join(dir, 'NOTES'), 'fifth article, no extension');
    const results = await collect([dir]);
    expect(errors(results)).toEqual([]);
    expect(articles(results).map((a) => a.id)).toEqual(['NOTES', 'one', 'three', 'two', 'c']);
  });

  it('reports a missing path as NOT_FOUND and carries on with the next path', async () => {
    const good = join(dir, 'good.txt');
    await writeFile(good, BODY);
    const results = await collect([join(dir, 'nope.txt'), good]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', file: join(dir, 'nope.txt') } });
    expect(results[1].ok).toBe(true);
  });

  it('reports binary, invalid UTF-8 and empty files by code, naming the file', async () => {
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x41, 0x42, 0x00, 0x43]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    await writeFile(join(dir, 'space.txt'), '  \n\t \n');
    await writeFile(join(dir, 'marker-only.txt'), ' date 2023-04 ');
    const found = errors(await collect([dir])).map((e) => [e.code, e.file?.replace(`${dir}/`, '')]);
    expect(found).toEqual([
      ['BINARY', 'binary.txt'],
      ['INVALID_UTF8', 'latin1.txt'],
      ['EMPTY', 'marker-only.txt'],
      ['EMPTY', 'space.txt'],
    ]);
  });

  it('refuses a file over maxBytes before reading it', async () => {
    const file = join(dir, 'big.txt');
    await writeFile(file, 'x'.repeat(2048));
    const [result] = await collect([file], { maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', file } });
  });

  it('rejects a malformed default date as a usage error', async () => {
    await expect(collect([dir], { date: '26-04-2023' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('reads a seed document from stdin', async () => {
    const stdin = Readable.from([Buffer.from(' date 2023-0'), Buffer.from(`5-09 ${BODY}`)]);
    const [article] = articles(await collect(['-'], { stdin }));
    expect(article).toMatchObject({ id: 'stdin', date: '2023-05-09', text: BODY });
  });

  it('streams JSON Lines from stdin, reporting bad rows by line', async () => {
    const lines = ['', '{"id":"s1","date":"2023-06","text":"first row"}', '{oops', '{"id":"s2","text":"second row"}'];
    const stdin = Readable.from([lines.join('\n')]);
    const results = await collect(['-'], { stdin });
    expect(articles(results).map((a) => a.id)).toEqual(['s1', 's2']);
    expect(errors(results)).toMatchObject([{ code: 'MALFORMED_JSON', file: '<stdin>', line: 3 }]);
  });

  it('reads gzipped JSON Lines from stdin', async () => {
    const stdin = Readable.from([gzipSync('{"id":"g1","text":"zipped row"}\n')]);
    expect(articles(await collect(['-'], { stdin }))).toMatchObject([{ id: 'g1', text: 'zipped row', origin: { file: '<stdin>', line: 1 } }]);
  });

  it('reports empty stdin', async () => {
    const results = await collect(['-'], { stdin: Readable.from([]) });
    expect(errors(results)).toMatchObject([{ code: 'EMPTY' }]);
  });
});
