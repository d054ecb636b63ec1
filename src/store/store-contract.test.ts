import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis, ClaimRecord, EntityRecord, EventRecord, QuoteRecord, Span } from '../pipeline/analysis.js';
import { nearDuplicateBands, simhashBands } from '../read/dedup.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
import { analysisRow, articleRow, derivedRows, searchText, type TableRows } from './sql/derived-rows.js';
import { SqlReader } from './sql/sql-reader.js';
import { SEARCH_TUNING } from './sqlite/sqlite-search.js';
import { openStore, type SaveArticleInput, type SearchQuery, type Store, type TimelineQuery } from './store.js';
import { PG_URL, postgresReason } from '../../test/helpers/postgres.js';

const pgSkip = await postgresReason();

interface Opened { store: Store; path?: string; schema?: string }
const dirs: string[] = [];
const schemas: string[] = [];

async function open(kind: 'sqlite' | 'postgres', path?: string, schema?: string): Promise<Opened> {
  if (kind === 'sqlite') {
    const file = path ?? join(mkdtempSync(join(tmpdir(), 'geiger-store-')), 'test.db');
    if (!path) dirs.push(join(file, '..'));
    return { store: await openStore({ db: file, url: undefined }), path: file };
  }
  const name = schema ?? `geiger_test_${Math.random().toString(36).slice(2, 10)}`;
  if (!schema) schemas.push(name);
  return { store: await openStore({ url: PG_URL, schema: name }), schema: name };
}

afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
});

const at = (text: string, needle: string): Span => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
};

interface Fixture {
  id: string; date: string | null; lang: string; title: string; text: string; relevant?: boolean;
  entities?: [EntityRecord['type'], string, string | undefined, string[]][];
  events?: (Omit<EventRecord, 'evidence'> & { evidence: string })[];
  quotes?: (Omit<QuoteRecord, 'span'> & { span: string })[];
  claims?: (Omit<ClaimRecord, 'evidence'> & { evidence: string })[];
  nearDuplicateOf?: string;
  hash?: string;
  simhash?: string;
}

function analysisOf(f: Fixture): Analysis {
  return {
    id: f.id, date: f.date, lang: f.lang, relevant: f.relevant ?? true, title: f.title,
    entities: (f.entities ?? []).map(([type, name, id, words]) => ({
      type, name, ...(id ? { id } : {}), mentions: words.map((w) => ({ ...at(f.text, w), rule: 'test.entity' })),
    })),
    events: (f.events ?? []).map((e) => ({ ...e, evidence: at(f.text, e.evidence), rule: 'test.event' })),
    quotes: (f.quotes ?? []).map((q) => ({ ...q, span: at(f.text, q.span) })),
    claims: (f.claims ?? []).map((c) => ({ ...c, evidence: at(f.text, c.evidence) })),
  };
}

function input(f: Fixture, versions = { pipelineVersion: 'p1', codebookVersion: 'c1' }): SaveArticleInput {
  const simhash = f.simhash ?? Buffer.from(f.id.padEnd(8, '_').slice(0, 8)).toString('hex');
  return {
    article: { id: f.id, date: f.date, text: f.text, title: f.title, lang: f.lang, url: `https://example.test/${f.id}` },
    analysis: analysisOf(f),
    contentHash: f.hash ?? `hash-${f.id}`,
    simhash,
    bands: nearDuplicateBands(simhash),
    nearDuplicateOf: f.nearDuplicateOf ?? null,
    ...versions,
  };
}

const PUTIN: [EntityRecord['type'], string, string, string[]] = ['PERSON', 'Vladimir Putin', 'putin', ['Poetin']];
const FIXTURES: Fixture[] = [
  {
    id: 'a1', date: '2023-03-25', lang: 'nl', title: 'Poetin wil kernwapens in Wit-Rusland',
    text: 'Poetin zei zaterdag dat Rusland tactische kernwapens in Wit-Rusland gaat plaatsen. De NAVO vindt dat gevaarlijk. In Oekraïne is men bezorgd.',
    entities: [PUTIN, ['LOC', 'Belarus', 'belarus', ['Wit-Rusland']], ['ORG', 'NATO', 'nato', ['NAVO']], ['LOC', 'Ukraine', 'ukraine', ['Oekraïne']]],
    events: [
      { type: 'DEPLOY', actor: 'Vladimir Putin', target: 'Belarus', weapon: 'nonstrategic nuclear weapons', intensity: 7, evidence: 'tactische kernwapens in Wit-Rusland gaat plaatsen' },
      { type: 'CONDEMN', actor: 'NATO', target: 'Vladimir Putin', weapon: null, intensity: 4, evidence: 'De NAVO vindt dat gevaarlijk' },
    ],
    quotes: [{ speaker: 'Vladimir Putin', speakerId: 'putin', text: 'Rusland tactische kernwapens in Wit-Rusland gaat plaatsen', direct: false, span: 'Rusland tactische kernwapens in Wit-Rusland gaat plaatsen' }],
  },
  {
    id: 'a2', date: '2023-03-28', lang: 'en', title: 'Medvedev issues another warning',
    text: 'Dmitry Medvedev threatened the West again on Tuesday. "We will use every weapon we have if pushed," he wrote. Analysts estimate Russia holds about 1,550 deployed warheads.',
    entities: [['PERSON', 'Dmitry Medvedev', 'medvedev', ['Dmitry Medvedev']], ['LOC', 'Russia', 'russia', ['Russia']]],
    events: [
      { type: 'THREATEN', actor: 'Dmitry Medvedev', target: 'West', weapon: null, intensity: 9, evidence: 'Dmitry Medvedev threatened the West' },
      { type: 'ASSESS', actor: null, target: null, weapon: null, intensity: 3, evidence: 'Analysts estimate Russia holds about 1,550 deployed warheads' },
    ],
    quotes: [{ speaker: 'Dmitry Medvedev', text: 'We will use every weapon we have if pushed,', direct: true, span: 'We will use every weapon we have if pushed,' }],
    claims: [{ holder: 'Russia', quantity: 1550, approx: true, item: 'nuclear warheads', source: 'Analysts', evidence: 'about 1,550 deployed warheads' }],
  },
  {
    id: 'a3', date: '2023-04-03', lang: 'en', title: 'White House sees no reason to change posture',
    text: 'The White House threatens nobody, a spokesman said. It sees no reason to change its nuclear posture and keeps watching.',
    entities: [['ORG', 'White House', 'white-house', ['White House']]],
    events: [{ type: 'REASSURE', actor: 'White House', target: null, weapon: null, intensity: 1, evidence: 'no reason to change its nuclear posture' }],
    quotes: [{ speaker: 'White House', text: 'The White House threatens nobody', direct: false, span: 'The White House threatens nobody' }],
  },
  {
    id: 'a4', date: '2023-04-15', lang: 'nl', title: 'Rusland schort verdrag op',
    text: 'Rusland heeft het New START-verdrag opgeschort, meldde het Kremlin. De Verenigde Staten hebben naar schatting 1400 kernkoppen ingezet.',
    entities: [['LOC', 'Russia', 'russia', ['Rusland']], ['ORG', 'Kremlin', 'kremlin', ['Kremlin']], ['LOC', 'United States', 'usa', ['Verenigde Staten']]],
    events: [{ type: 'TREATY', actor: 'Russia', target: 'United States', weapon: null, intensity: 6, evidence: 'Rusland heeft het New START-verdrag opgeschort', treaty: 'New START', action: 'suspend' }],
    claims: [{ holder: 'United States', quantity: 1400, approx: true, item: 'nuclear warheads', source: null, evidence: 'naar schatting 1400 kernkoppen' }],
  },
  {
    id: 'a5', date: '2023-04-16', lang: 'en', title: 'A draw in Rotterdam', relevant: false,
    text: 'The football match in Rotterdam ended in a draw. Angry fans threatened to stay home next season.',
    entities: [['LOC', 'Rotterdam', undefined, ['Rotterdam']]],
  },
  {
    id: 'a6', date: '2023-03-26', lang: 'nl', title: 'Poetin wil kernwapens naar Wit-Rusland', nearDuplicateOf: 'a1', simhash: '6131aaaaaaaaaaaa',
    text: 'Poetin zei zaterdag dat Rusland tactische kernwapens in Wit-Rusland gaat plaatsen. De NAVO vindt dat gevaarlijk.',
    entities: [PUTIN],
    events: [{ type: 'DEPLOY', actor: 'Vladimir Putin', target: null, weapon: null, intensity: 7, evidence: 'tactische kernwapens in Wit-Rusland gaat plaatsen' }],
  },
  {
    id: 'a7', date: '2023-05', lang: 'de', title: 'Übung in Sibirien',
    text: 'Russische Atomstreitkräfte übten im Mai in Sibirien mit Yars-Raketen.',
    entities: [['LOC', 'Russia', 'russia', ['Russische']]],
    events: [{ type: 'EXERCISE', actor: 'Russia', target: null, weapon: 'RS-24 Yars', intensity: 5, evidence: 'übten im Mai in Sibirien mit Yars-Raketen', negated: false }],
  },
];

const ids = <T extends { id: string }>(items: T[]): string[] => items.map((i) => i.id).sort();

const adapters = [
  { kind: 'sqlite' as const, skip: null as string | null },
  { kind: 'postgres' as const, skip: pgSkip },
];

for (const adapter of adapters) {
  describe.skipIf(adapter.skip !== null)(`${adapter.kind} store${adapter.skip ? ` (skipped: ${adapter.skip})` : ''}`, () => {
    let store: Store;

    beforeAll(async () => {
      store = (await open(adapter.kind)).store;
      for (const f of FIXTURES) expect(await store.saveArticle(input(f))).toBe('new');
    });
    afterAll(async () => { await store?.close(); });

    it('opens the adapter the options ask for', () => {
      expect(store.kind).toBe(adapter.kind);
    });

    it('returns a saved article and its analysis unchanged', async () => {
      const got = await store.getArticle('a1');
      const f = FIXTURES[0];
      expect(got?.article).toEqual({ id: 'a1', date: f.date, text: f.text, title: f.title, lang: 'nl', url: 'https://example.test/a1' });
      expect(got?.analysis).toEqual({ ...analysisOf(f), version: { pipeline: 'p1', codebook: 'c1' } });
      expect(got?.contentHash).toBe('hash-a1');
      expect(got?.pipelineVersion).toBe('p1');
      expect(await store.getArticle('missing')).toBeNull();
    });

    it('lists near copies on the original', async () => {
      const got = await store.getArticle('a1');
      expect(got?.nearCopies.map((c) => c.id)).toEqual(['a6']);
      expect((await store.getArticle('a6'))?.nearDuplicateOf).toBe('a1');
    });

    it('finds articles by content hash', async () => {
      expect(await store.findByContentHash('hash-a3')).toBe('a3');
      expect(await store.findByContentHash('nope')).toBeNull();
    });

    it('finds near-duplicate candidates by band, each band matching only its own position', async () => {
      const sim = input(FIXTURES[5]).simhash;
      const firstTwoBytes = nearDuplicateBands(sim)[0];
      expect(firstTwoBytes).toBe('0:6131');
      const found = await store.findNearDuplicateCandidates([firstTwoBytes, '5:zzzz']);
      expect(found.map((c) => c.id)).toEqual(['a1', 'a6']);
      expect(found.find((c) => c.id === 'a6')).toEqual({ id: 'a6', simhash: sim, nearDuplicateOf: 'a1' });
      expect(await store.findNearDuplicateCandidates(['27:6131', '5:zzzz'])).toEqual([]);
    });

    it('lists articles newest first with totals and paging, leaving out near copies', async () => {
      const all = await store.listArticles();
      expect(all.total).toBe(6);
      expect(all.items.map((a) => a.id)).toEqual(['a7', 'a5', 'a4', 'a3', 'a2', 'a1']);
      const page = await store.listArticles({ limit: 2, offset: 2 });
      expect(page).toMatchObject({ total: 6 });
      expect(page.items.map((a) => a.id)).toEqual(['a4', 'a3']);
      expect((await store.listArticles({ includeNearCopies: true })).total).toBe(7);
      const a2 = all.items.find((a) => a.id === 'a2');
      expect(a2).toMatchObject({ eventCount: 2, maxIntensity: 9, lang: 'en', relevant: true });
    });

    it('filters articles by date range with month and day precision', async () => {
      expect(ids((await store.listArticles({ from: '2023-04', to: '2023-04-15' })).items)).toEqual(['a3', 'a4']);
      expect(ids((await store.listArticles({ from: '2023-05-10' })).items)).toEqual(['a7']);
      expect(ids((await store.listArticles({ to: '2023-03' })).items)).toEqual(['a1', 'a2']);
      await expect(store.listArticles({ from: '25-03-2023' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    it('filters articles by language, actor, event type, intensity and relevance', async () => {
      expect(ids((await store.listArticles({ lang: 'en' })).items)).toEqual(['a2', 'a3', 'a5']);
      expect(ids((await store.listArticles({ actor: ['putin'] })).items)).toEqual(['a1']);
      expect(ids((await store.listArticles({ actor: 'Russia' })).items)).toEqual(['a2', 'a4', 'a7']);
      expect(ids((await store.listArticles({ type: 'THREATEN' })).items)).toEqual(['a2']);
      expect(ids((await store.listArticles({ minIntensity: 6 })).items)).toEqual(['a1', 'a2', 'a4']);
      expect(ids((await store.listArticles({ type: ['REASSURE', 'TREATY'], minIntensity: 5 })).items)).toEqual(['a4']);
      expect((await store.listArticles({ relevantOnly: true })).total).toBe(5);
    });

    it('finds Dutch words through their stems', async () => {
      const hits = await store.search({ q: 'kernwapen' });
      expect(ids(hits.items)).toEqual(['a1']);
      expect(hits.total).toBe(1);
    });

    it('finds English inflections through their stems', async () => {
      expect(ids((await store.search({ q: 'threatens' })).items)).toEqual(['a2', 'a3', 'a5']);
      expect(ids((await store.search({ q: 'threatened', relevantOnly: true })).items)).toEqual(['a2', 'a3']);
    });

    it('ignores diacritics in queries and texts', async () => {
      expect(ids((await store.search({ q: 'Oekraine' })).items)).toEqual(['a1']);
      expect(ids((await store.search({ q: 'ubung' })).items)).toEqual(['a7']);
    });

    it('matches quoted phrases in order only', async () => {
      expect(ids((await store.search({ q: '"tactische kernwapens"' })).items)).toEqual(['a1']);
      expect((await store.search({ q: '"kernwapens tactische"' })).total).toBe(0);
    });

    it('combines terms with AND, OR and NOT', async () => {
      expect(ids((await store.search({ q: 'threatened AND weapon' })).items)).toEqual(['a2']);
      expect(ids((await store.search({ q: 'threatened weapon' })).items)).toEqual(['a2']);
      expect(ids((await store.search({ q: 'Medvedev OR Kremlin' })).items)).toEqual(['a2', 'a4']);
      expect(ids((await store.search({ q: 'threatened NOT football' })).items)).toEqual(['a2', 'a3']);
      expect(ids((await store.search({ q: 'threatened -football' })).items)).toEqual(['a2', 'a3']);
      expect(ids((await store.search({ q: '(Medvedev OR posture) NOT Tuesday' })).items)).toEqual(['a3']);
      await expect(store.search({ q: 'NOT football' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    it('treats query punctuation as text, never as syntax', async () => {
      expect((await store.search({ q: 'kernwapens" OR * NEAR( ) ^ \'; DROP TABLE articles; --' })).total).toBe(0);
      expect((await store.listArticles()).total).toBe(6);
      expect(await store.search({ q: '  ' })).toEqual({ total: 0, items: [] });
    });

    it('filters and pages search results', async () => {
      expect(ids((await store.search({ q: 'threatened', from: '2023-04' })).items)).toEqual(['a3', 'a5']);
      expect(ids((await store.search({ q: 'threatened', lang: 'en', type: 'THREATEN' })).items)).toEqual(['a2']);
      expect(ids((await store.search({ q: 'kernwapens', includeNearCopies: true })).items)).toEqual(['a1', 'a6']);
      const page = await store.search({ q: 'threatened', limit: 1, offset: 1 });
      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(1);
    });

    it('returns a snippet of the original text with the matched words highlighted', async () => {
      const [hit] = (await store.search({ q: 'kernwapen Oekraine' })).items;
      expect(hit).toMatchObject({ id: 'a1', title: FIXTURES[0].title, date: '2023-03-25', lang: 'nl' });
      expect(hit.snippet).toBe('Poetin zei zaterdag dat Rusland tactische kernwapens in Wit-Rusland gaat plaatsen.');
      expect(hit.highlights.map((h) => hit.snippet.slice(h.start, h.end))).toEqual(['kernwapens']);
      expect(typeof hit.score).toBe('number');
    });

    it('ranks articles with more hits higher', async () => {
      const hits = (await store.search({ q: 'Poetin OR Rusland' })).items;
      expect(hits[0].id).toBe('a1');
      expect(hits[0].score).toBeGreaterThan(hits[hits.length - 1].score);
    });

    it('lists quotes by speaker name or codebook id', async () => {
      const byName = await store.quotes({ speaker: ['Dmitry Medvedev'] });
      expect(byName.total).toBe(1);
      expect(byName.items[0]).toMatchObject({ articleId: 'a2', direct: true, text: 'We will use every weapon we have if pushed,' });
      expect((await store.quotes({ speaker: 'putin' })).items.map((q) => q.articleId)).toEqual(['a1']);
      expect((await store.quotes({ direct: false })).total).toBe(2);
      expect((await store.quotes({ lang: 'en' })).total).toBe(2);
    });

    it('lists events by type, actor, target and intensity', async () => {
      const deploy = await store.events({ type: 'DEPLOY' });
      expect(deploy.items.map((e) => e.articleId)).toEqual(['a1']);
      expect(deploy.items[0]).toMatchObject({ actor: 'Vladimir Putin', actorId: 'putin', targetId: 'belarus', intensity: 7, negated: false });
      expect((await store.events({ type: 'DEPLOY', includeNearCopies: true })).total).toBe(2);
      expect((await store.events({ actor: 'NATO' })).items.map((e) => e.type)).toEqual(['CONDEMN']);
      expect((await store.events({ target: ['putin'] })).items.map((e) => e.type)).toEqual(['CONDEMN']);
      expect((await store.events({ minIntensity: 7 })).items.map((e) => e.type).sort()).toEqual(['DEPLOY', 'THREATEN']);
      const treaty = (await store.events({ type: 'TREATY' })).items[0];
      expect(treaty).toMatchObject({ treaty: 'New START', action: 'suspend', evidence: at(FIXTURES[3].text, 'Rusland heeft het New START-verdrag opgeschort') });
      expect((await store.events({ limit: 2 })).items).toHaveLength(2);
    });

    it('lists claims by holder and item', async () => {
      expect((await store.claims({ holder: 'Russia' })).items.map((c) => c.quantity)).toEqual([1550]);
      expect((await store.claims({ holder: ['usa'] })).items.map((c) => c.articleId)).toEqual(['a4']);
      const warheads = await store.claims({ item: 'nuclear warheads' });
      expect(warheads.total).toBe(2);
      expect(warheads.items[0]).toMatchObject({ approx: true, item: 'nuclear warheads' });
    });

    it('lists entity rows per article, keeping articles that mention an actor', async () => {
      const all = await store.entities();
      expect(all.total).toBe(12);
      expect(all.items[0]).toMatchObject({ articleId: 'a7', date: '2023-05', lang: 'de', name: 'Russia', id: 'russia', type: 'LOC', mentions: 1 });
      const withPutin = await store.entities({ actor: ['putin'] });
      expect(withPutin.items.map((e) => e.name)).toEqual(['Vladimir Putin', 'Belarus', 'NATO', 'Ukraine']);
      expect((await store.entities({ actor: 'putin', includeNearCopies: true })).total).toBe(5);
      expect((await store.entities({ entityTypes: ['ORG'] })).items.map((e) => e.id).sort()).toEqual(['kremlin', 'nato', 'white-house']);
      expect((await store.entities({ limit: 2, offset: 11 })).items).toHaveLength(1);
    });

    it('ranks actors by mentions, quotes and events', async () => {
      const ranked = await store.actors({});
      const russia = ranked.items.find((a) => a.id === 'russia');
      expect(russia).toMatchObject({ name: 'Russia', mentions: 3, articles: 3, events: 2, maxIntensity: 6 });
      const putin = ranked.items.find((a) => a.id === 'putin');
      expect(putin).toMatchObject({ mentions: 1, quotes: 1, events: 1, type: 'PERSON' });
      expect(ranked.items[0].id).toBe('russia');
      const byEvents = await store.actors({ sortBy: 'events', limit: 1 });
      expect(byEvents.items.map((a) => a.id)).toEqual(['russia']);
      expect(byEvents.total).toBe(ranked.total);
      expect((await store.actors({ actor: ['Dmitry Medvedev'] })).items.map((a) => a.name)).toEqual(['Dmitry Medvedev']);
    });

    it('builds a monthly timeline without near copies', async () => {
      const t = await store.timeline({ by: 'month' });
      expect(t.buckets.map((b) => b.period)).toEqual(['2023-03', '2023-04', '2023-05']);
      expect(t.buckets[0]).toMatchObject({
        start: '2023-03-01', counts: { DEPLOY: 1, CONDEMN: 1, THREATEN: 1, ASSESS: 1 }, events: 4, intensitySum: 23, intensityMax: 9, articles: 2,
      });
      expect(t.buckets[1]).toMatchObject({ counts: { REASSURE: 1, TREATY: 1 }, intensitySum: 7, intensityMax: 6, articles: 3 });
      const withCopies = await store.timeline({ by: 'month', includeNearCopies: true });
      expect(withCopies.buckets[0].counts.DEPLOY).toBe(2);
    });

    it('builds daily and weekly timelines, filling gaps and counting coarse dates apart', async () => {
      const days = await store.timeline({ by: 'day' });
      expect(days.buckets[0].period).toBe('2023-03-25');
      expect(days.buckets.at(-1)?.period).toBe('2023-04-16');
      expect(days.buckets).toHaveLength(23);
      expect(days.undated).toBe(1);
      expect(days.buckets.find((b) => b.period === '2023-03-27')).toMatchObject({ events: 0, intensityMax: null });
      const weeks = await store.timeline({ by: 'week', from: '2023-03', to: '2023-03' });
      expect(weeks.buckets.map((b) => [b.period, b.start, b.events])).toEqual([['2023-W12', '2023-03-20', 2], ['2023-W13', '2023-03-27', 2]]);
    });

    it('filters timelines by actor and type', async () => {
      const t = await store.timeline({ by: 'month', actor: ['russia'] });
      expect(t.buckets.map((b) => [b.period, b.events, b.articles])).toEqual([['2023-03', 0, 2], ['2023-04', 1, 3], ['2023-05', 1, 1]]);
      const threats = await store.timeline({ by: 'month', type: 'THREATEN' });
      expect(threats.buckets.map((b) => b.events)).toEqual([1, 0, 0]);
    });

    it('counts what it holds', async () => {
      const s = await store.stats();
      expect(s).toMatchObject({
        articles: 7, nearDuplicates: 1, relevant: 5, quotes: 3, events: 7, claims: 2,
        firstDate: '2023-03-25', lastDate: '2023-05', versions: { 'p1/c1': 7 },
      });
      expect(s.eventsByType).toMatchObject({ DEPLOY: 1, THREATEN: 1, EXERCISE: 1 });
      expect(s.languages).toEqual({ nl: 2, en: 3, de: 1 });
    });
  });

  describe.skipIf(adapter.skip !== null)(`${adapter.kind} store writes${adapter.skip ? ` (skipped: ${adapter.skip})` : ''}`, () => {
    it('saves an article once and reports repeats and duplicates', async () => {
      const { store } = await open(adapter.kind);
      expect(await store.saveArticle(input(FIXTURES[1]))).toBe('new');
      expect(await store.saveArticle(input(FIXTURES[1]))).toBe('exists');
      const changed = input({ ...FIXTURES[1], title: 'changed' });
      expect(await store.saveArticle(changed)).toBe('exists');
      expect(await store.saveArticle(input({ ...FIXTURES[2], hash: 'hash-a2' }))).toBe('duplicate');
      expect((await store.getArticle('a2'))?.article.title).toBe(FIXTURES[1].title);
      expect(await store.getArticle('a3')).toBeNull();
      expect((await store.stats())).toMatchObject({ articles: 1, quotes: 1, events: 2, claims: 1 });
      await store.close();
    });

    it('saves a batch in order in one call, each article as saveArticle would', async () => {
      const { store } = await open(adapter.kind);
      const results = await store.saveArticles([
        input(FIXTURES[0]), input(FIXTURES[1]), input(FIXTURES[1]), input({ ...FIXTURES[2], hash: 'hash-a2' }), input(FIXTURES[3]),
      ]);
      expect(results).toEqual(['new', 'new', 'exists', 'duplicate', 'new']);
      expect((await store.stats()).articles).toBe(3);
      expect(await store.articleText('a2')).toBe(FIXTURES[1].text);
      expect(await store.articleText('a3')).toBeNull();
      await store.close();
    });

    it('replaces the derived rows on re-analysis and finds stale analyses', async () => {
      const { store } = await open(adapter.kind);
      for (const f of FIXTURES) await store.saveArticle(input(f));
      const redo = analysisOf({
        ...FIXTURES[1], lang: 'en',
        events: [{ type: 'EXERCISE', actor: 'Russia', target: null, weapon: null, intensity: 5, evidence: 'Russia holds about 1,550' }],
        quotes: [], claims: [],
      });
      await store.replaceAnalysis('a2', redo, { pipelineVersion: 'p2', codebookVersion: 'c1' });
      expect((await store.events({ type: 'THREATEN' })).total).toBe(0);
      expect((await store.events({ type: 'EXERCISE', actor: 'russia' })).items.map((e) => e.articleId)).toEqual(['a7', 'a2']);
      expect((await store.quotes({ speaker: 'Dmitry Medvedev' })).total).toBe(0);
      expect((await store.claims()).total).toBe(1);
      const got = await store.getArticle('a2');
      expect(got?.analysis.version).toEqual({ pipeline: 'p2', codebook: 'c1' });
      expect(got?.pipelineVersion).toBe('p2');
      expect(ids((await store.search({ q: 'Medvedev' })).items)).toEqual(['a2']);

      expect(await store.staleAnalyses('p2', 'c1', 3)).toEqual(['a1', 'a3', 'a4']);
      expect(await store.staleAnalyses('p2', 'c1', 3, 'a4')).toEqual(['a5', 'a6', 'a7']);
      expect(await store.staleAnalyses('p2', 'c1', 3, 'a7')).toEqual([]);
      expect(await store.staleAnalyses('p2', 'c2', 10)).toHaveLength(7);
      await expect(store.replaceAnalysis('nope', redo, { pipelineVersion: 'p2', codebookVersion: 'c1' }))
        .rejects.toMatchObject({ code: 'NOT_FOUND' });
      await store.close();
    });

    it('saves watch rules and their hits, once each, and deletes them together', async () => {
      const { store } = await open(adapter.kind);
      await store.saveArticle(input(FIXTURES[0]));
      await store.saveArticle(input(FIXTURES[1]));
      const rule = {
        id: 'r1', name: 'Putin deploys', actor: 'Poetin', actorKeys: ['Vladimir Putin', 'putin'], type: 'DEPLOY' as const,
        minIntensity: 5, words: null, created: '2024-01-01T00:00:00.000Z',
      };
      await store.saveWatchRule(rule);
      await store.saveWatchRule({ ...rule, id: 'r2', name: 'words only', actor: null, actorKeys: [], type: null, minIntensity: null, words: 'weapon' });
      expect(await store.listWatchRules()).toEqual([rule, expect.objectContaining({ id: 'r2', words: 'weapon', type: null })]);
      const hit = { ruleId: 'r1', articleId: 'a1', eventIndex: 0, date: '2023-03-25', title: 't', type: 'DEPLOY' as const, actor: 'Vladimir Putin', intensity: 7, matchedAt: '2024-01-02T00:00:00.000Z' };
      const whole = { ...hit, ruleId: 'r2', articleId: 'a2', eventIndex: null, type: null, actor: null, intensity: null };
      expect(await store.saveAlertHits([hit, whole])).toBe(2);
      expect(await store.saveAlertHits([hit])).toBe(0);
      expect(await store.alertHits('r1')).toEqual({ total: 1, items: [hit] });
      expect(await store.alertHits('r2', { limit: 1 })).toEqual({ total: 1, items: [whole] });
      expect(await store.deleteWatchRule('r1')).toBe(true);
      expect(await store.deleteWatchRule('r1')).toBe(false);
      expect(await store.alertHits('r1')).toEqual({ total: 0, items: [] });
      expect((await store.listWatchRules()).map((r) => r.id)).toEqual(['r2']);
      await store.close();
    });

    it('migrates an existing store again without change', async () => {
      const first = await open(adapter.kind);
      await first.store.saveArticle(input(FIXTURES[0]));
      await first.store.close();
      const again = await open(adapter.kind, first.path, first.schema);
      await again.store.migrate();
      expect((await again.store.stats()).articles).toBe(1);
      await again.store.close();
    });

    if (adapter.kind === 'sqlite') {
      it('reads from a second connection while another holds a write transaction', async () => {
        const { store, path } = await open('sqlite');
        await store.saveArticle(input(FIXTURES[0]));
        const writer = new Database(path!);
        writer.exec('BEGIN IMMEDIATE');
        writer.prepare(`INSERT INTO articles (id, content_hash, simhash, saved_at) VALUES ('w1', 'hw1', '00', 'now')`).run();
        expect((await store.listArticles()).total).toBe(1);
        expect((await store.getArticle('a1'))?.article.id).toBe('a1');
        writer.exec('COMMIT');
        expect((await store.listArticles()).total).toBe(2);
        expect(writer.pragma('journal_mode', { simple: true })).toBe('wal');
        writer.close();
        await store.close();
      });

      it('records each migration once', async () => {
        const { store, path } = await open('sqlite');
        await store.migrate();
        await store.close();
        const db = new Database(path!, { readonly: true });
        expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all())
          .toEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
        db.close();
      });
    } else {
      it('lets concurrent workers save the same article once', async () => {
        const a = await open('postgres');
        const b = await open('postgres', undefined, a.schema);
        const results = await Promise.all([
          a.store.saveArticle(input(FIXTURES[0])), b.store.saveArticle(input(FIXTURES[0])),
          ...FIXTURES.slice(1).map((f, i) => (i % 2 ? a : b).store.saveArticle(input(f))),
        ]);
        expect(results.slice(0, 2).sort()).toEqual(['exists', 'new']);
        expect(results.slice(2).every((r) => r === 'new')).toBe(true);
        expect((await a.store.stats()).articles).toBe(7);
        await Promise.all([a.store.close(), b.store.close()]);
      });
    }
  });
}

const bindAll = (params: unknown[]): unknown[] => params.map((p) => (p === true ? 1 : p === false ? 0 : p === undefined ? null : p));

/**
 * A store file laid out as migrations 1-3 left it (body inline, full-text rowid = seq, seven position-numbered SimHash
 * bands), filled as the code of then did.
 */
function versionThreeStore(file: string, inputs: SaveArticleInput[]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 3)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
  }
  const insert = (t: TableRows) => {
    const st = db.prepare(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
    for (const r of t.rows) st.run(...bindAll(r));
  };
  for (const inp of inputs) {
    const row = articleRow(inp, '2024-01-01T00:00:00.000Z');
    const done = db.prepare(`INSERT INTO articles (id, content_hash, simhash, date, lang, title, url, body, origin, duplicate_of,
      near_duplicate_of, relevant, relevance, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...bindAll([
      row.id, row.contentHash, row.simhash, row.date, row.lang, row.title, row.url, row.body, row.origin, row.duplicateOf,
      row.nearDuplicateOf, row.relevant, row.relevance, row.savedAt]));
    const text = searchText(row.title, row.body, row.lang);
    db.prepare('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)').run(done.lastInsertRowid, text.title, text.body);
    // Then: seven ~9-bit bands, each row with its position.
    insert({ table: 'simhash_bands', columns: ['position', 'band', 'article_id'], rows: simhashBands(row.simhash, 7).map((b, i) => [i, b, row.id]) });
    insert(analysisRow(row.id, inp.analysis, inp, row.savedAt));
    for (const t of derivedRows(row.id, inp.analysis)) insert(t);
  }
  db.close();
}

/** The timeline as computed from the events and articles themselves (no timeline tables), on a second connection. */
function joinedTimeline(file: string): { timeline(t: TimelineQuery): ReturnType<Store['timeline']>; close(): void } {
  const db = new Database(file, { readonly: true });
  const reader = new SqlReader(
    { all: async (sql, params) => db.prepare(sql).all(...bindAll(params)) as Record<string, unknown>[] },
    { body: { join: '', column: 'NULL' }, timelineTables: false },
  );
  return { timeline: (t) => reader.timeline(t), close: () => db.close() };
}

const TIMELINE_QUERIES: Omit<TimelineQuery, 'by'>[] = [
  {}, { includeNearCopies: true }, { relevantOnly: true }, { lang: 'en' }, { lang: ['nl', 'de'] }, { lang: '' }, { lang: ['en', ''] },
  { type: 'DEPLOY' }, { type: ['THREATEN', 'ASSESS'] }, { includeNegated: true }, { includeNegated: true, includeNearCopies: true },
  { from: '2023-04' }, { to: '2023-03' }, { from: '2023-03-26', to: '2023-04-15' }, { from: '2023' }, { to: '2023-05-01' },
  { from: '2023-04', to: '2023-04', relevantOnly: true, lang: 'en' }, { actor: 'russia' },
  { actor: ['Vladimir Putin'], includeNearCopies: true }, { actor: 'russia', from: '2023-04-01', type: 'TREATY' },
];

/** Articles the contract fixtures lack: undated, year-only, timestamped, without language, with negated events. */
const TIMELINE_EXTRAS: Fixture[] = [
  {
    id: 't1', date: null, lang: 'en', title: 'Undated warning', text: 'Moscow threatened Kyiv with nuclear weapons.',
    events: [{ type: 'THREATEN', actor: 'Russia', target: null, weapon: null, intensity: 8, evidence: 'Moscow threatened Kyiv' }],
  },
  {
    id: 't2', date: '2023', lang: 'en', title: 'A year of drills', text: 'Russia held nuclear drills and did not deploy weapons.',
    events: [
      { type: 'EXERCISE', actor: 'Russia', target: null, weapon: null, intensity: 4, evidence: 'Russia held nuclear drills' },
      { type: 'DEPLOY', actor: 'Russia', target: null, weapon: null, intensity: 6, evidence: 'did not deploy weapons', negated: true },
    ],
  },
  {
    id: 't3', date: '2023-04-03T08:30:00Z', lang: '', title: 'Timestamped', text: 'The Kremlin threatened again and the West condemned it.',
    events: [
      { type: 'THREATEN', actor: 'Kremlin', target: null, weapon: null, intensity: 5, evidence: 'The Kremlin threatened again' },
      { type: 'CONDEMN', actor: null, target: 'Kremlin', weapon: null, intensity: 2, evidence: 'the West condemned it' },
    ],
  },
  {
    id: 't4', date: '2023-03-25', lang: 'nl', title: 'Nog een dreiging', relevant: false,
    text: 'Rusland dreigde niet met kernwapens, zei de minister.',
    events: [{ type: 'THREATEN', actor: 'Russia', target: null, weapon: null, intensity: 9, evidence: 'Rusland dreigde niet met kernwapens', negated: true }],
  },
];

describe('sqlite store internals', () => {
  const tempFile = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'geiger-sqlite-'));
    dirs.push(dir);
    return join(dir, name);
  };
  const withoutSavedAt = <T extends { savedAt: string } | null>(a: T) => (a === null ? null : { ...a, savedAt: 'x' });

  it('migrates a store saved before bodies moved: every read answers as on a store saved after', async () => {
    const all = [...FIXTURES, ...TIMELINE_EXTRAS].map((f) => input(f));
    const oldFile = tempFile('v3.db');
    versionThreeStore(oldFile, all);
    const migrated = await openStore({ db: oldFile, url: undefined });
    const fresh = await openStore({ db: tempFile('fresh.db'), url: undefined });
    await fresh.saveArticles(all);
    const same = async (read: (s: Store) => Promise<unknown>) => expect(await read(migrated)).toEqual(await read(fresh));
    const check = async () => {
      for (const f of [...FIXTURES, ...TIMELINE_EXTRAS]) {
        expect(withoutSavedAt(await migrated.getArticle(f.id))).toEqual(withoutSavedAt(await fresh.getArticle(f.id)));
        await same((s) => s.articleText(f.id));
      }
      for (const q of ['kernwapens', 'threatened', 'Poetin OR Rusland', '"tactische kernwapens"', 'Kremlin', 'nuclear -drills']) {
        await same((s) => s.search({ q }));
        await same((s) => s.search({ q, includeNearCopies: true }));
        await same((s) => s.search({ q, lang: 'en', relevantOnly: true }));
        await same((s) => s.search({ q, from: '2023-04', limit: 1, offset: 1 }));
      }
      for (const by of ['day', 'week', 'month'] as const) for (const t of TIMELINE_QUERIES) await same((s) => s.timeline({ by, ...t }));
      await same((s) => s.listArticles({ includeNearCopies: true }));
      await same((s) => s.events({ includeNegated: true, includeNearCopies: true }));
      await same((s) => s.stats());
      await same((s) => s.findNearDuplicateCandidates(all[5].bands));
      for (const f of all) expect((await migrated.findNearDuplicateCandidates(f.bands)).map((c) => c.id)).toContain(f.article.id);
    };
    await check();
    const redo = analysisOf({ ...FIXTURES[1], lang: 'de', relevant: false, events: [], quotes: [], claims: [] });
    for (const s of [migrated, fresh]) {
      await s.replaceAnalysis('a2', redo, { pipelineVersion: 'p2', codebookVersion: 'c1' });
      await s.replaceAnalysis('a6', analysisOf({ ...FIXTURES[5], events: [] }), { pipelineVersion: 'p2', codebookVersion: 'c1' });
    }
    await check();
    expect((await migrated.search({ q: 'kernwapens', includeNearCopies: true })).items.map((h) => h.id)).toEqual(['a6', 'a1', 't4']);
    expect((await migrated.search({ q: 'kernwapens' })).items.map((h) => h.id)).toEqual(['a1', 't4']);
    await Promise.all([migrated.close(), fresh.close()]);
    const db = new Database(oldFile, { readonly: true });
    const columns = (db.prepare("SELECT name FROM pragma_table_info('articles')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('body');
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // The near copy saved before keeps its full-text row (moving it would skew bm25's totals) and is listed apart.
    expect(db.prepare('SELECT count(*) AS n FROM article_fts WHERE rowid >= 1099511627776').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT a.id FROM fts_legacy_near l JOIN articles a ON a.seq = l.seq').all()).toEqual([{ id: 'a6' }]);
    db.close();
  });

  it('keeps the timeline tables equal to counting the events, through saves, batches and re-analyses', async () => {
    const file = tempFile('timeline.db');
    const store = await openStore({ db: file, url: undefined });
    const ref = joinedTimeline(file);
    const compare = async () => {
      for (const by of ['day', 'week', 'month'] as const) {
        for (const t of TIMELINE_QUERIES) expect(await store.timeline({ by, ...t })).toEqual(await ref.timeline({ by, ...t }));
      }
    };
    for (const f of FIXTURES.slice(0, 3)) await store.saveArticle(input(f));
    await compare();
    await store.saveArticles([...FIXTURES.slice(3), ...TIMELINE_EXTRAS].map((f) => input(f)));
    await compare();
    const versions = { pipelineVersion: 'p2', codebookVersion: 'c1' };
    // a2 drops its strongest event (9) and moves to another language and relevance: the old rows' maximum must fall.
    await store.replaceAnalysis('a2', analysisOf({
      ...FIXTURES[1], lang: 'de', relevant: false, quotes: [], claims: [],
      events: [{ type: 'ASSESS', actor: null, target: null, weapon: null, intensity: 3, evidence: 'Analysts estimate Russia holds about 1,550 deployed warheads' }],
    }), versions);
    await compare();
    await store.replaceAnalysis('a6', analysisOf({ ...FIXTURES[5], events: [] }), versions);
    await store.replaceAnalysis('t1', analysisOf({ ...TIMELINE_EXTRAS[0], lang: 'nl' }), versions);
    await store.replaceAnalysis('t2', analysisOf({ ...TIMELINE_EXTRAS[1], events: TIMELINE_EXTRAS[1].events!.slice(1) }), versions);
    await store.replaceAnalysis('t3', analysisOf({ ...TIMELINE_EXTRAS[2], lang: 'en' }), versions);
    await compare();
    await store.saveArticle(input({ ...FIXTURES[0], id: 'a1b', hash: 'hash-a1b', nearDuplicateOf: 'a1', simhash: '6131bbbbbbbbbbbb' }));
    await compare();
    const db = new Database(file, { readonly: true });
    for (const table of ['timeline_event_days', 'timeline_event_months']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE events <= 0`).get()).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT count(*) AS n FROM timeline_article_days WHERE articles <= 0').get()).toEqual({ n: 0 });
    db.close();
    ref.close();
    await store.close();
  });

  it('stems queries for a language first saved after the last search, by this connection or another', async () => {
    const file = tempFile('langs.db');
    const store = await openStore({ db: file, url: undefined });
    await store.saveArticle(input(FIXTURES[1]));
    expect((await store.search({ q: 'kernwapens' })).total).toBe(0);
    await store.saveArticle(input(FIXTURES[0]));
    // Only the Dutch stem ("kernwap") finds the Dutch text.
    expect(ids((await store.search({ q: 'kernwapens' })).items)).toEqual(['a1']);
    const other = await openStore({ db: file, url: undefined });
    expect((await store.search({ q: 'Atomstreitkraft' })).total).toBe(0);
    await other.saveArticle(input(FIXTURES[6]));
    expect(ids((await store.search({ q: 'Atomstreitkraft' })).items)).toEqual(['a7']);
    await other.replaceAnalysis('a2', analysisOf({ ...FIXTURES[1], lang: 'fr' }), { pipelineVersion: 'p1', codebookVersion: 'c1' });
    expect((await store.search({ q: 'Medvedev', lang: 'fr' })).total).toBe(1);
    await Promise.all([store.close(), other.close()]);
  });

  it('orders hits of equal score by id, the same on every path and page', async () => {
    const store = await openStore({ db: tempFile('ties.db'), url: undefined });
    const twins: Fixture[] = Array.from({ length: 40 }, (_, i) => ({
      id: `t${String((i * 17) % 40).padStart(2, '0')}`, date: `2023-04-${String((i % 28) + 1).padStart(2, '0')}`, lang: 'en',
      title: 'Missile drills', text: `Missile drills near Kaliningrad again, report ${i % 2 ? 'one' : 'two'}.`,
      nearDuplicateOf: i % 5 === 0 ? 'x' : undefined, simhash: (i * 7919).toString(16).padStart(16, '0'),
    }));
    await store.saveArticles([
      ...twins.map((f) => input(f)),
      input({ id: 'z1', date: '2023-04-01', lang: 'en', title: 'Missile missile', text: 'Missile after missile near Kaliningrad.' }),
    ]);
    for (const includeNearCopies of [false, true]) {
      const all = await store.search({ q: 'missile Kaliningrad', includeNearCopies, limit: 100 });
      expect(all.total).toBe(includeNearCopies ? 41 : 33);
      expect(all.items[0].id).toBe('z1');
      const order = [...all.items].sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).map((h) => h.id);
      expect(all.items.map((h) => h.id)).toEqual(order);
      for (const [offset, limit] of [[0, 1], [0, 20], [1, 3], [5, 10], [18, 20], [30, 20], [40, 5]]) {
        const page = await store.search({ q: 'missile Kaliningrad', includeNearCopies, offset, limit });
        const filtered = await store.search({ q: 'missile Kaliningrad', includeNearCopies, offset, limit, from: '2023' });
        expect(page).toEqual({ total: all.total, items: all.items.slice(offset, offset + limit) });
        expect(filtered).toEqual(page);
      }
    }
    await store.close();
  });

  it('splits a large search with the read helper and answers as without it', async () => {
    const file = tempFile('split.db');
    const seeded = await openStore({ db: file, url: undefined });
    const twins: Fixture[] = Array.from({ length: 160 }, (_, i) => ({
      id: `s${String((i * 37) % 160).padStart(3, '0')}`, date: `2023-0${(i % 4) + 3}-${String((i % 27) + 1).padStart(2, '0')}`,
      lang: i % 3 ? 'en' : 'nl', title: i % 7 ? 'Missile drills' : 'Kremlin missile drills', relevant: i % 5 !== 0,
      text: `Missile drills near Kaliningrad, the Kremlin said${i % 2 ? ' again' : ''}. Poetin sprak over kernwapens.`,
      nearDuplicateOf: i % 6 === 0 ? 'x' : undefined, simhash: (i * 7919 + 1).toString(16).padStart(16, '0'),
    }));
    // 100 identical texts: more ties than a half is first asked for.
    const same: Fixture[] = Array.from({ length: 100 }, (_, i) => ({
      id: `u${String((i * 43) % 100).padStart(2, '0')}`, date: '2023-06-01', lang: 'en', title: 'Sarmat test',
      text: 'A Sarmat test launch was reported.', simhash: (i * 104729 + 5).toString(16).padStart(16, '0'),
    }));
    await seeded.saveArticles([...FIXTURES, ...twins, ...same].map((f) => input(f)));
    await seeded.close();
    // Split: in-index pages ending at most twoPhaseMax deep, joined pages ending at most smallResult (20) deep.
    const split: SearchQuery[] = [
      { q: 'missile', limit: 5, offset: 7 }, { q: 'Kremlin missile', includeNearCopies: true, limit: 10 },
      { q: 'Kaliningrad', limit: 1 }, { q: 'Kaliningrad', limit: 2, offset: 60, includeNearCopies: true },
      { q: 'Sarmat', limit: 2 }, { q: 'Sarmat', limit: 5, offset: 48 },
      { q: 'kernwapens', limit: 3, offset: 40 }, { q: 'drills', limit: 45 }, { q: 'nothing-here', limit: 20 },
      { q: 'missile', lang: 'en', from: '2023-04', to: '2023-05-15', limit: 8, offset: 2 },
      { q: 'missile', actor: 'putin', includeNearCopies: true, limit: 20 }, { q: '"missile drills"', relevantOnly: true, limit: 20 },
      { q: 'kremlin', lang: ['en', 'nl'], limit: 3, offset: 15 },
    ];
    const notSplit: SearchQuery[] = [
      { q: 'missile' }, { q: 'kernwapens', offset: 500 }, { q: 'missile', limit: 0 }, { q: 'missile', limit: 5, offset: 2000 },
      { q: '"missile drills"', relevantOnly: true, limit: 50 }, { q: 'kremlin', lang: ['en', 'nl'], limit: 3, offset: 50 },
    ];
    const queries = [...split, ...notSplit];
    const tuning = { ...SEARCH_TUNING };
    try {
      Object.assign(SEARCH_TUNING, { splitMin: 1, splitHits: 1, skipAfterSlowSplit: 0, smallResult: 20 });
      const store = await openStore({ db: file, url: undefined });
      await store.search({ q: 'missile' });
      const helper = () => (store as unknown as { helper?: { ready: boolean } | null }).helper;
      for (let i = 0; i < 100 && !helper()?.ready; i++) await new Promise((r) => setTimeout(r, 50));
      expect(helper()?.ready).toBe(true);
      const searcher = (store as unknown as { searcher: { split: (...a: unknown[]) => unknown } }).searcher;
      const splitOne = searcher.split.bind(searcher);
      let splitPages = 0;
      searcher.split = (...a: unknown[]) => {
        const page = splitOne(...a);
        if (page) splitPages++;
        return page;
      };
      const withHelper = [];
      for (const q of queries) withHelper.push(await store.search(q));
      expect(splitPages).toBe(split.length);
      await store.close();
      Object.assign(SEARCH_TUNING, { splitMin: Number.MAX_SAFE_INTEGER });
      const alone = await openStore({ db: file, url: undefined });
      for (const [i, q] of queries.entries()) expect(withHelper[i]).toEqual(await alone.search(q));
      expect((alone as unknown as { helper?: unknown }).helper).toBeUndefined();
      await alone.close();
    } finally {
      Object.assign(SEARCH_TUNING, tuning);
    }
  });
});

describe('openStore', () => {
  it('rejects a URL that is not postgres://', async () => {
    await expect(openStore({ url: 'mysql://x@y/z' })).rejects.toMatchObject({ code: 'STORE_ERROR' });
  });

  it('reports an unopenable SQLite path as STORE_ERROR', async () => {
    await expect(openStore({ db: '/nonexistent-dir/sub/x.db', url: undefined })).rejects.toMatchObject({ code: 'STORE_ERROR' });
  });
});
