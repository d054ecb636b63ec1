import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followRound, isAllowed, parseRobots, PoliteFetcher, USER_AGENT, type FollowState } from '../src/follow/index.js';
import { createPipeline } from '../src/pipeline/create.js';
import type { Pipeline } from '../src/pipeline/pipeline.js';
import { openStore, type Store } from '../src/store/store.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'geiger.js');

interface Hit { path: string; at: number; headers: IncomingMessage['headers'] }
const hits: Hit[] = [];
const count = (path: string) => hits.filter((h) => h.path === path).length;
const served = new Map<string, number>();

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article></body></html>`;

const PAGES: Record<string, string> = {
  '/pages/one.html': page('Belarus drills', 'The Belarusian defence ministry said on Monday that its crews had trained with Iskander launchers able to carry nuclear warheads, and NATO said it was following the exercise.'),
  '/pages/slow.html': page('Slow story', 'Officials in Seoul said the North Korean launch on Sunday used a solid-fuel missile, the third test this spring.'),
  '/pages/flaky.html': page('Flaky story', 'The French president said the nuclear deterrent protected the vital interests of France and that the doctrine was unchanged.'),
};

function feed(base: string): string {
  const item = (path: string, title: string, description = '') =>
    `<item><title>${title}</title><link>${base}${path}</link><guid>${base}${path}</guid><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>${description ? `<description>${description}</description>` : ''}</item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>${[
    item('/pages/one.html', 'Belarus drills'),
    item('/pages/slow.html', 'Slow story'),
    item('/pages/missing.html', 'Gone story'),
    item('/pages/flaky.html', 'Flaky story'),
    item('/private/secret.html', 'Private story', 'The Dutch parliament debated the American nuclear weapons stored at Volkel air base on Tuesday.'),
  ].join('')}</channel></rss>`;
}

let server: Server;
let base = '';
let slowDelay = 2500;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push({ path, at: Date.now(), headers: req.headers });
    const n = (served.get(path) ?? 0) + 1;
    served.set(path, n);
    if (path === '/robots.txt') { res.end('User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n'); return; }
    if (path === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304).end(); return; }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed(base));
      return;
    }
    if (path === '/broken.xml') { res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>oops</channel>'); return; }
    if (path === '/pages/slow.html' && slowDelay > 0) {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGES[path]), slowDelay).unref();
      return;
    }
    if (path === '/pages/flaky.html' && n === 1) { res.writeHead(500).end('try again'); return; }
    const body = PAGES[path];
    if (!body) { res.writeHead(404).end('not here'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const dir = mkdtempSync(join(tmpdir(), 'geiger-follow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('robots.txt', () => {
  it('applies our own group, else the * group, with the longest rule winning', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: Geiger\nDisallow: /no-geiger\n');
    expect(isAllowed(robots, 'geiger', '/private/x')).toBe(true);
    expect(isAllowed(robots, 'geiger', '/no-geiger/page')).toBe(false);
    expect(isAllowed(robots, 'otherbot', '/private/x')).toBe(false);
    expect(isAllowed(robots, 'otherbot', '/private/open/y')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow:\n'), 'geiger', '/anything')).toBe(true);
  });
});

describe('following feeds over HTTP', () => {
  let store: Store;
  let pipeline: Pipeline;
  beforeAll(async () => {
    store = await openStore({ db: join(dir, 'follow.db'), url: '' });
    pipeline = createPipeline();
  });
  afterAll(async () => { await store.close(); });

  it('ingests new items politely, survives a broken feed, a slow page, a 404 and a 500, and then gets 304', { timeout: 120_000 }, async () => {
    const fetcher = new PoliteFetcher({ minIntervalMs: 100, timeoutMs: 600, retries: 1, backoffMs: 20 });
    const state: FollowState = { feeds: {} };
    const logs: string[] = [];
    const feeds = [`${base}/broken.xml`, `${base}/feed.xml`];

    const first = await followRound(store, pipeline, feeds, { fetcher, statePath: null, state, log: (m) => logs.push(m) });
    expect(first[0]).toMatchObject({ status: 'failed' });
    expect(first[0].error).toMatch(/malformed XML/);
    expect(first[1].status).toBe('ok');
    expect(first[1].items).toBe(5);
    expect(first[1].summary.new).toBe(3);
    const reasons = first[1].summary.failed.map((f) => `${f.file}: ${f.reason}`);
    expect(reasons).toHaveLength(2);
    expect(reasons.find((r) => r.includes('slow.html'))).toMatch(/timed out/);
    expect(reasons.find((r) => r.includes('missing.html'))).toMatch(/404/);
    expect(await store.getArticle(`${base}/pages/one.html`)).not.toBeNull();
    expect((await store.getArticle(`${base}/pages/flaky.html`))?.article.text).toMatch(/deterrent/);
    expect(served.get('/pages/flaky.html')).toBe(2);
    const secret = await store.getArticle(`${base}/private/secret.html`);
    expect(secret?.article.text).toMatch(/Volkel/);
    expect(count('/private/secret.html')).toBe(0);
    expect(count('/robots.txt')).toBe(1);
    expect(hits.every((h) => h.headers['user-agent'] === USER_AGENT)).toBe(true);
    const span = hits[hits.length - 1].at - hits[0].at;
    expect(span).toBeGreaterThanOrEqual((hits.length - 2) * 100);
    expect(logs).toHaveLength(2);
    expect(state.feeds[`${base}/feed.xml`].etag).toBeUndefined();

    slowDelay = 0;
    const second = await followRound(store, pipeline, feeds, { fetcher, statePath: null, state });
    expect(second[1]).toMatchObject({ status: 'ok', known: 3 });
    expect(second[1].summary.new).toBe(1);
    expect(count('/pages/one.html')).toBe(1);
    expect(state.feeds[`${base}/feed.xml`].etag).toBe('"v1"');

    const third = await followRound(store, pipeline, feeds, { fetcher, statePath: null, state });
    expect(third[1].status).toBe('not-modified');
    const lastFeedRequest = hits.filter((h) => h.path === '/feed.xml').at(-1)!;
    expect(lastFeedRequest.headers['if-none-match']).toBe('"v1"');
    expect(third[0].status).toBe('failed');
  });

  it('geiger follow --once polls, keeps its state beside the db and exits non-zero when a feed failed', { timeout: 180_000 }, async () => {
    const db = join(dir, 'cli.db');
    const args = [BIN, 'follow', `${base}/feed.xml`, `${base}/broken.xml`, '--once', '--db', db, '--min-interval', '10ms', '--timeout', '2s', '--retries', '1'];
    const outcome = await run('node', args, { env: { ...process.env, GEIGER_DATABASE_URL: '' } }).then(() => 0, (e: { code: number }) => e.code);
    expect(outcome).toBe(1);
    const statePath = `${db}.follow.json`;
    expect(existsSync(statePath)).toBe(true);
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as FollowState;
    expect(state.feeds[`${base}/feed.xml`].etag).toBe('"v1"');
    expect(state.feeds[`${base}/broken.xml`].lastError).toMatch(/malformed/);
  });
});
