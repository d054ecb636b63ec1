import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadResult } from './read-result.js';
import { readSources } from './read-sources.js';

const encoder = new TextEncoder();

const page = (title: string, body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><main><article><h1>${title}</h1>` +
  `<p>${body} The statement came after a week of talks between the delegations in the capital.</p>` +
  `<p>Observers said the move was meant to reassure allies while keeping options open for later.</p></article></main></body></html>`;

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield encoder.encode(text);
}

async function record(url: string, html: string, type: 'response' | 'request' = 'response', contentType = 'text/html; charset=utf-8'): Promise<Uint8Array> {
  const warc = WARCRecord.create(
    { url, date: '2023-07-04T12:00:00Z', type, httpHeaders: { 'Content-Type': contentType }, statusline: type === 'request' ? 'GET / HTTP/1.1' : 'HTTP/1.1 200 OK' },
    bytes(html),
  );
  return WARCSerializer.serialize(warc, { gzip: true });
}

let dir: string;
let archive: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'geiger-warc-'));
  archive = Buffer.concat([
    await record('https://news.example/one', page('First story', 'The government announced new exercises.'), 'request'),
    await record('https://news.example/one', page('First story', 'The government announced new exercises.', '<meta property="article:published_time" content="2023-06-30">')),
    await record('https://news.example/logo.png', 'not html', 'response', 'image/png'),
    await record('https://news.example/two', page('Second story', 'A spokesman denied the report.')),
  ]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(path: string): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readSources([path])) results.push(result);
  return results;
}

describe('WARC reader', () => {
  it('turns the HTML response records of a WARC.gz into articles', async () => {
    const file = join(dir, 'crawl.warc.gz');
    await writeFile(file, archive);
    const results = await collect(file);
    expect(results.map((r) => r.ok && r.article)).toMatchObject([
      { id: 'https://news.example/one', url: 'https://news.example/one', date: '2023-06-30', title: 'First story', lang: 'en', origin: { file, record: 2 } },
      { id: 'https://news.example/two', url: 'https://news.example/two', date: '2023-07-04', title: 'Second story', origin: { file, record: 4 } },
    ]);
    expect(results[1].ok && results[1].article.text).toContain('A spokesman denied the report.');
  });

  it('reads an uncompressed WARC and reports a record cut short as TRUNCATED', async () => {
    const plain = gunzipSync(archive);
    const file = join(dir, 'cut.warc');
    await writeFile(file, plain.subarray(0, plain.length - 120));
    const results = await collect(file);
    expect(results.map((r) => (r.ok ? r.article.id : r.error.code))).toEqual(['https://news.example/one', 'TRUNCATED']);
    expect(!results[1].ok && results[1].error.message).toContain('record 4');
  });

  it('yields the records before a truncated gzip and then a TRUNCATED error with the record number', async () => {
    const file = join(dir, 'cut.warc.gz');
    await writeFile(file, archive.subarray(0, archive.length - 40));
    const results = await collect(file);
    expect(results.map((r) => (r.ok ? r.article.id : r.error.code))).toEqual(['https://news.example/one', 'TRUNCATED']);
    expect(!results[1].ok && results[1].error).toMatchObject({ file, message: expect.stringContaining('record 4') });
  });
});
