import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook, type Codebook } from '../codebook/load.js';
import { ingestArticle } from '../ingest/index.js';
import { createPipeline } from '../pipeline/create.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import { openStore, type Store } from '../store/store.js';
import { createApp } from './app.js';
import { startServer, type RunningServer } from './server.js';

const PUTIN_TEXT = 'Poetin dreigde zaterdag opnieuw met kernwapens tegen het Westen. "Wij zullen onze kernwapens inzetten als het nodig is," zei Poetin in Moskou. '
  + 'De NAVO noemde de woorden roekeloos en riep op tot kalmte. Diplomaten in Brussel vrezen dat de spanning verder oploopt in de komende weken.';
const FIXTURES: Article[] = [
  { id: 'nl-putin', date: '2023-03-25', lang: 'nl', title: 'Poetin dreigt <script>alert(1)</script> & meer', text: PUTIN_TEXT },
  { id: 'nl-putin-copy', date: '2023-03-26', lang: 'nl', title: 'Poetin dreigt opnieuw', text: `${PUTIN_TEXT} (ANP)` },
  { id: 'en-claims', date: '2023-04-02', lang: 'en', title: 'Pentagon counts warheads', url: 'https://news.example.org/a3',
    text: 'The Pentagon estimates that Russia holds about 5,580 nuclear warheads. NATO said it would keep its nuclear posture unchanged for now.' },
  { id: 'en-football', date: '2023-04-10', lang: 'en', title: 'Utrecht loses again', url: 'https://sport.example.net/x',
    text: 'The football club from Utrecht lost again on Sunday. Fans were unhappy with the coach and left early.' },
  { id: 'nl-newstart', date: '2023-02-21', lang: 'nl', title: 'Rusland schort verdrag op',
    text: 'Poetin kondigde dinsdag aan dat Rusland het New START-verdrag opschort. Washington noemde het besluit onverantwoord.' },
];
const TOKEN = 'test-token-123';
const auth = { Authorization: `Bearer ${TOKEN}` };
const json = { 'Content-Type': 'application/json' };

let dir: string;
let store: Store;
let codebook: Codebook;
let pipeline: Pipeline;
let app: Hono;
let readOnly: Hono;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'geiger-http-'));
  store = await openStore({ db: join(dir, 'test.db'), url: '' });
  codebook = loadCodebook();
  pipeline = createPipeline({ codebook });
  const outcomes = [];
  for (const a of FIXTURES) outcomes.push(await ingestArticle(store, pipeline, a));
  expect(outcomes.map((o) => o.kind)).toEqual(['new', 'near', 'new', 'new', 'new']);
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Geiger dashboard</title><script type="module" src="/assets/app-1a2b3c4d.js"></script>');
  writeFileSync(join(web, 'assets', 'app-1a2b3c4d.js'), 'console.log("dashboard");');
  const log = (m: string) => { logs.push(m); };
  app = createApp({ store, pipeline, codebook, token: TOKEN, webDir: web, maxBodyBytes: 64 * 1024, log });
  readOnly = createApp({ store, pipeline, codebook, webDir: join(dir, 'not-built'), log });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, target: Hono = app): Promise<{ status: number; body: any; res: Response }> {
  const res = await target.request(path);
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, res };
}

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = auth, target: Hono = app) {
  const res = await target.request(path, {
    method, headers: { ...json, ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
}

describe('read routes', () => {
  it('GET /api/stats counts articles, near copies, languages and source hosts', async () => {
    const { status, body } = await get('/api/stats');
    expect(status).toBe(200);
    expect(body).toMatchObject({ articles: 5, nearCopies: 1, languages: { nl: 2, en: 2 }, first: '2023-02-21', last: '2023-04-10' });
    expect(body.sources).toEqual({ 'news.example.org': 1, 'sport.example.net': 1 });
    for (const key of ['events', 'quotes', 'claims']) expect(typeof body[key]).toBe('number');
  });

  it('GET /api/articles lists newest first without near copies, with filters and paging', async () => {
    const all = await get('/api/articles');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((a: { id: string }) => a.id)).toEqual(['en-football', 'en-claims', 'nl-putin', 'nl-newstart']);
    expect(all.body.items[1]).toMatchObject({ url: 'https://news.example.org/a3', lang: 'en', nearDuplicateOf: null });
    expect(Object.keys(all.body.items[0]).sort()).toEqual(['date', 'eventCount', 'id', 'lang', 'maxIntensity', 'nearDuplicateOf', 'relevant', 'title', 'url']);
    const en = await get('/api/articles?lang=en');
    expect(en.body.items.map((a: { id: string }) => a.id)).toEqual(['en-football', 'en-claims']);
    const paged = await get('/api/articles?limit=1&offset=1');
    expect(paged.body).toMatchObject({ total: 4, items: [{ id: 'en-claims' }] });
    const april = await get('/api/articles?from=2023-04&to=2023-04-05');
    expect(april.body.items.map((a: { id: string }) => a.id)).toEqual(['en-claims']);
  });

  it('GET /api/articles resolves actor aliases in any language', async () => {
    const byAlias = await get('/api/articles?actor=Poetin');
    const byName = await get('/api/articles?actor=Vladimir%20Putin');
    expect(byAlias.body.items.map((a: { id: string }) => a.id)).toEqual(['nl-putin', 'nl-newstart']);
    expect(byName.body).toEqual(byAlias.body);
  });

  it('GET /api/articles?q= ranks search hits as article summaries', async () => {
    const { body } = await get('/api/articles?q=football');
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: 'en-football', url: 'https://sport.example.net/x', relevant: false });
    expect(body.items[0].snippet).toContain('football');
  });

  it('GET /api/articles/:id returns the article, its analysis and its near copies', async () => {
    const { status, body } = await get('/api/articles/nl-putin');
    expect(status).toBe(200);
    expect(body.article).toEqual({ id: 'nl-putin', date: '2023-03-25', lang: 'nl', title: FIXTURES[0].title, url: null, text: PUTIN_TEXT });
    expect(body.analysis).toMatchObject({ id: 'nl-putin', lang: 'nl' });
    expect(body.analysis.entities.map((e: { name: string }) => e.name)).toContain('Vladimir Putin');
    expect(body.nearCopies.map((c: { id: string }) => c.id)).toEqual(['nl-putin-copy']);
    expect((await get('/api/articles/nl-putin-copy')).body.nearDuplicateOf).toBe('nl-putin');
  });

  it('answers 404 with a JSON error for an unknown article or route', async () => {
    const missing = await get('/api/articles/no-such-article');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: 'no article with id "no-such-article"' } });
    const route = await get('/api/nope');
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('NOT_FOUND');
  });

  it('GET /api/search returns hits with highlights inside the snippet and facets', async () => {
    const { status, body } = await get('/api/search?q=kernwapens');
    expect(status).toBe(200);
    expect(body.items.map((h: { id: string }) => h.id)).toEqual(['nl-putin']);
    const hit = body.items[0];
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const h of hit.highlights) expect(hit.snippet.slice(h.start, h.end).toLowerCase()).toContain('kernwapen');
    expect(body.facets.lang).toEqual({ nl: 1 });
    expect(body.facets.actor['Vladimir Putin']).toBe(1);
    const none = await get('/api/search?q=zeppelin');
    expect(none.body).toEqual({ total: 0, items: [], facets: { lang: {}, type: {}, actor: {} } });
  });

  it('GET /api/quotes filters by speaker alias and direct speech', async () => {
    const { body } = await get('/api/quotes?speaker=Poetin');
    expect(body.total).toBeGreaterThan(0);
    for (const q of body.items) expect(q.speaker).toBe('Vladimir Putin');
    for (const q of (await get('/api/quotes?direct=false')).body.items) expect(q.direct).toBe(false);
    expect(Object.keys(body.items[0])).toEqual(expect.arrayContaining(['articleId', 'date', 'lang', 'speaker', 'text', 'direct', 'span', 'title']));
  });

  it('GET /api/events filters by type, actor and intensity', async () => {
    const all = await get('/api/events');
    expect(all.status).toBe(200);
    const putin = await get('/api/events?actor=Poetin');
    for (const e of putin.body.items) expect(e.actor).toBe('Vladimir Putin');
    const hot = await get('/api/events?minIntensity=7&type=THREATEN,DEPLOY');
    for (const e of hot.body.items) {
      expect(e.intensity).toBeGreaterThanOrEqual(7);
      expect(['THREATEN', 'DEPLOY']).toContain(e.type);
    }
    expect((await get('/api/events?type=THREATEN&type=DEPLOY')).body).toEqual((await get('/api/events?type=THREATEN,DEPLOY')).body);
  });

  it('GET /api/claims returns entries, ledger groups and the balance', async () => {
    const { status, body } = await get('/api/claims');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['balance', 'entries', 'groups', 'total']);
    expect(body.entries).toHaveLength(body.total);
    for (const g of body.groups) expect(typeof g.conflict).toBe('boolean');
    const russia = await get('/api/claims?holder=Rusland');
    for (const c of russia.body.entries) expect(c.holder).toBe('Russia');
  });

  it('GET /api/actors ranks actors and /api/actors/:name profiles one by alias', async () => {
    const ranked = await get('/api/actors?limit=3');
    expect(ranked.body.items.length).toBeLessThanOrEqual(3);
    expect(ranked.body.total).toBeGreaterThanOrEqual(ranked.body.items.length);
    const profile = await get('/api/actors/Poetin');
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ name: 'Vladimir Putin', id: 'person.vladimir-putin', type: 'PERSON' });
    expect(profile.body.aliases.nl).toContain('Poetin');
    expect(profile.body.network.nodes[0]).toMatchObject({ id: 'person.vladimir-putin', name: 'Vladimir Putin' });
    for (const e of profile.body.network.edges) expect(typeof e.weight).toBe('number');
    expect((await get('/api/actors/Nobody%20Anywhere')).status).toBe(404);
  });

  it('GET /api/timeline gives periods with counts and the escalation index', async () => {
    const { body } = await get('/api/timeline?by=month');
    expect(body.by).toBe('month');
    expect(body.periods.map((p: { period: string }) => p.period)).toEqual(['2023-02', '2023-03', '2023-04']);
    for (const p of body.periods) {
      expect(p.escalation).toBeGreaterThanOrEqual(0);
      expect(p.escalation).toBeLessThanOrEqual(10);
      expect(p.total).toBe(Object.values(p.counts as Record<string, number>).reduce((s, n) => s + n, 0));
    }
  });

  it('GET /api/treaties and /api/stories answer in the contract shapes', async () => {
    const treaties = await get('/api/treaties');
    expect(Array.isArray(treaties.body)).toBe(true);
    for (const t of treaties.body) expect(Object.keys(t)).toEqual(expect.arrayContaining(['treaty', 'status', 'events']));
    const stories = await get('/api/stories?limit=2');
    expect(stories.body.items.length).toBeLessThanOrEqual(2);
    expect(stories.body.total).toBeGreaterThanOrEqual(stories.body.items.length);
    const ids = stories.body.items.flatMap((s: { articles: { id: string }[] }) => s.articles.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('bad input', () => {
  const cases: [string, RegExp][] = [
    ['/api/articles?from=25-03-2023', /parameter from: must be YYYY, YYYY-MM or YYYY-MM-DD \(got "25-03-2023"\)/],
    ['/api/events?type=BOAST', /parameter type: unknown event type "BOAST"/],
    ['/api/articles?limit=abc', /parameter limit: must be a whole number \(got "abc"\)/],
    ['/api/articles?limit=501', /parameter limit: must be at most 500/],
    ['/api/events?minIntensity=hot', /parameter minIntensity/],
    ['/api/quotes?direct=maybe', /parameter direct: must be true or false/],
    ['/api/timeline?by=year', /parameter by: must be day, week or month/],
    ['/api/claims?item=tanks', /unknown claim item "tanks"/],
    ['/api/search', /parameter q is required/],
    ['/api/search?q=NOT%20football', /./],
  ];
  for (const [path, message] of cases) {
    it(`answers 400 BAD_REQUEST for ${path}`, async () => {
      const { status, body } = await get(path);
      expect(status).toBe(400);
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.error.message).toMatch(message);
    });
  }

  it('never sends a stack trace; logs it server-side instead', async () => {
    const broken = await openStore({ db: join(dir, 'broken.db'), url: '' });
    await broken.close();
    const brokenApp = createApp({ store: broken, pipeline, codebook, webDir: dir, log: (m) => { logs.push(m); } });
    const { status, body } = await get('/api/stats', brokenApp);
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'INTERNAL', message: 'internal error; see the server log' } });
    expect(logs.some((l) => l.includes('/api/stats') && l.includes('    at '))).toBe(true);
  });
});

describe('writes', () => {
  const article = { date: '2024-05-01', title: 'Poetin <b>spreekt</b>', text: 'Poetin sprak woensdag over de nucleaire paraatheid van Rusland en waarschuwde het Westen.' };

  it('refuses writes with 403 when no token is configured', async () => {
    const { status, body } = await send('POST', '/api/articles', article, auth, readOnly);
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(body.error.message).toMatch(/writes are disabled.*GEIGER_TOKEN/);
  });

  it('answers 401 without a token or with a wrong one', async () => {
    const none = await send('POST', '/api/articles', article, {});
    expect(none.status).toBe(401);
    expect(none.res.headers.get('WWW-Authenticate')).toBe('Bearer');
    const wrong = await send('POST', '/api/articles', article, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHORIZED');
    expect((await send('DELETE', '/api/alerts/rules/x', undefined, {})).status).toBe(401);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over the limit', async () => {
    const big = { ...article, text: 'kernwapens '.repeat(7000) };
    const { status, body } = await send('POST', '/api/articles', big);
    expect(status).toBe(413);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 for malformed JSON and an invalid single article', async () => {
    const bad = await send('POST', '/api/articles', '{"date": "2024-01-01", "text": ');
    expect(bad.status).toBe(400);
    const invalid = await send('POST', '/api/articles', { date: '1 May 2024', text: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/date: must be YYYY-MM or YYYY-MM-DD/);
  });

  it('ingests one article, then reports it as a duplicate', async () => {
    const first = await send('POST', '/api/articles', { ...article, id: 'api-one' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ read: 1, new: 1, duplicates: 0, failed: [], articles: [{ id: 'api-one', outcome: 'new' }] });
    expect((await get('/api/articles/api-one')).body.article.title).toBe(article.title);
    const again = await send('POST', '/api/articles', { ...article, id: 'api-one' });
    expect(again.body).toMatchObject({ read: 1, new: 0, duplicates: 1 });
  });

  it('ingests a batch, naming the bad record and storing the rest', async () => {
    const { status, body } = await send('POST', '/api/articles', {
      articles: [
        { id: 'batch-1', date: '2024-05-02', text: 'Frankrijk hield een oefening met kernbommenwerpers boven de Atlantische Oceaan.' },
        { id: 'batch-2', date: 'gisteren', text: 'Deze datum klopt niet.' },
        { date: '2024-05', text: 'Een artikel zonder id krijgt er een op basis van de inhoud.' },
      ],
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ read: 3, new: 2 });
    expect(body.failed).toEqual([{ file: 'request', record: 2, reason: expect.stringMatching(/^date:/) }]);
    expect(body.articles[2].id).toMatch(/^api-[0-9a-f]{16}$/);
  });
});

describe('alerts', () => {
  let putinRule: string;
  let wordsRule: string;

  it('creates watch rules (201) and lists them', async () => {
    const created = await send('POST', '/api/alerts/rules', { name: 'Poetin', actor: 'Poetin' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Poetin', actor: 'Poetin' });
    expect(created.body.type).toBeUndefined();
    putinRule = created.body.id;
    wordsRule = (await send('POST', '/api/alerts/rules', { name: 'Voetbal', words: 'voetbal Utrecht' })).body.id;
    const list = await get('/api/alerts/rules');
    expect(list.body.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([putinRule, wordsRule]));
    const bad = await send('POST', '/api/alerts/rules', { name: 'x', type: 'BOAST' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/type: unknown event type "BOAST"/);
    expect((await send('POST', '/api/alerts/rules', { name: 'empty' })).status).toBe(400);
  });

  it('fires on ingest of a matching article and not on a non-matching one', async () => {
    const match = await send('POST', '/api/articles', {
      id: 'alert-putin', date: '2024-06-01', title: 'Poetin <script>alert("x")</script>',
      text: 'Poetin waarschuwde zaterdag het Westen voor een nieuwe wapenwedloop en sprak over kernwapens.',
    });
    expect(match.body.new).toBe(1);
    expect(match.body.alertHits).toBe(1);
    const miss = await send('POST', '/api/articles', {
      id: 'alert-miss', date: '2024-06-02', text: 'Ajax won zondag ruim van FC Groningen in een uitverkocht stadion.',
    });
    expect(miss.body).toMatchObject({ new: 1, alertHits: 0 });
    const hits = await get(`/api/alerts/rules/${putinRule}/hits`);
    expect(hits.body.total).toBe(1);
    expect(hits.body.items[0]).toMatchObject({ ruleId: putinRule, articleId: 'alert-putin', actor: 'Vladimir Putin', date: '2024-06-01' });
    expect((await get(`/api/alerts/rules/${wordsRule}/hits`)).body.total).toBe(0);
    expect((await get('/api/alerts/rules/no-such-rule/hits')).status).toBe(404);
  });

  it('serves a well-formed Atom feed per rule with hostile text escaped', async () => {
    const res = await app.request(`/alerts/${putinRule}.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.title).toBe('Geiger alert: Poetin');
    const entry = Array.isArray(feed.entry) ? feed.entry[0] : feed.entry;
    expect(entry.title).toBe('Poetin <script>alert("x")</script>');
    expect(entry.link['@_href']).toBe('http://localhost/article/alert-putin');
    expect((await app.request('/alerts/no-such-rule.atom')).status).toBe(404);
  });

  it('deletes a rule with 204, then 404', async () => {
    expect((await send('DELETE', `/api/alerts/rules/${wordsRule}`, undefined)).status).toBe(204);
    expect((await send('DELETE', `/api/alerts/rules/${wordsRule}`, undefined)).status).toBe(404);
    expect((await get('/api/alerts/rules')).body.map((r: { id: string }) => r.id)).not.toContain(wordsRule);
  });
});

describe('HTTP behaviour', () => {
  it('sends a weak ETag and answers 304 to If-None-Match', async () => {
    const first = await app.request('/api/stats');
    const tag = first.headers.get('ETag');
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(first.headers.get('Cache-Control')).toBe('no-cache');
    const again = await app.request('/api/stats', { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await app.request('/api/articles?limit=1');
    expect(other.headers.get('ETag')).not.toBe(tag);
  });

  it('sets the security headers on the dashboard and the API', async () => {
    for (const path of ['/', '/api/stats']) {
      const res = await app.request(path);
      expect(res.headers.get('Content-Security-Policy')).toMatch(/default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'/);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('serves the dashboard, falls back to index.html for app routes and caches hashed assets long', async () => {
    const index = await get('/');
    expect(index.body).toContain('Geiger dashboard');
    expect(index.res.headers.get('Cache-Control')).toBe('no-cache');
    expect((await get('/article/nl-putin')).body).toContain('Geiger dashboard');
    expect((await get('/alerts/some-rule')).body).toContain('Geiger dashboard');
    const asset = await app.request('/assets/app-1a2b3c4d.js');
    expect(asset.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/assets/missing-1a2b3c4d.js')).status).toBe(404);
    expect((await app.request('/../../etc/passwd')).status).not.toBe(500);
  });

  it('says how to build the dashboard when web/dist is missing', async () => {
    const { status, body } = await get('/', readOnly);
    expect(status).toBe(200);
    expect(body).toMatch(/dashboard is not built/);
  });
});

describe('OpenAPI document', () => {
  const honoToOpenApi = (path: string) => path.replace(/:(\w+)\{[^}]*\\\.atom\}/, '{id}.atom').replace(/:(\w+)/g, '{$1}');

  it('is OpenAPI 3.1 and lists every route the app serves, with parameters and responses', async () => {
    const { status, body: doc } = await get('/openapi.json');
    expect(status).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((r) => ['GET', 'POST', 'DELETE'].includes(r.method) && !r.path.endsWith('*'))
      .map((r) => `${r.method.toLowerCase()} ${honoToOpenApi(r.path)}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(new Set(served)).toEqual(new Set(documented));
    expect(served.length).toBeGreaterThanOrEqual(19);
    const events = doc.paths['/api/events'].get;
    expect(events.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['type', 'actor', 'target', 'minIntensity', 'from', 'to', 'limit', 'offset']));
    expect(doc.paths['/api/articles/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/api/search'].get.parameters.find((p: { name: string }) => p.name === 'q').required).toBe(true);
    for (const ops of Object.values(doc.paths as Record<string, Record<string, { responses: object }>>)) {
      for (const op of Object.values(ops)) expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    }
  });

  it('resolves every $ref to a component schema', async () => {
    const { body: doc } = await get('/openapi.json');
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/(\w+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(doc.components.schemas[r.split('/').pop()!.replace('"', '')]).toBeDefined();
  });
});

describe('over real HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => { server = await startServer(app, { host: '127.0.0.1', port: 0 }); });
  afterAll(async () => { await server?.close(); });

  it('binds to 127.0.0.1 on a free port and answers the API', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/stats`);
    expect(res.status).toBe(200);
    expect((await res.json()).articles).toBeGreaterThanOrEqual(5);
    const tag = res.headers.get('etag')!;
    expect((await fetch(`${server.url}/api/stats`, { headers: { 'If-None-Match': tag } })).status).toBe(304);
  });

  it('enforces the token and the body limit on the wire', async () => {
    const body = JSON.stringify({ date: '2024-07-01', text: 'x'.repeat(70 * 1024) });
    const noToken = await fetch(`${server.url}/api/articles`, { method: 'POST', body, headers: json });
    expect(noToken.status).toBe(401);
    const tooBig = await fetch(`${server.url}/api/articles`, { method: 'POST', body, headers: { ...json, ...auth } });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const ok = await fetch(`${server.url}/api/articles`, {
      method: 'POST', headers: { ...json, ...auth },
      body: JSON.stringify({ id: 'wire-1', date: '2024-07-02', text: 'De Verenigde Staten testten dinsdag een onbewapende Minuteman III-raket.' }),
    });
    expect(await ok.json()).toMatchObject({ new: 1 });
    expect((await fetch(`${server.url}/api/articles/wire-1`)).status).toBe(200);
  });
});
