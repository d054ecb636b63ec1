import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis, ClaimRecord, EntityRecord, EventRecord, QuoteRecord, Span } from '../pipeline/analysis.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
import { openStore, type SaveArticleInput, type Store } from './store.js';
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
    bands: [0, 4, 8, 12].map((i) => simhash.slice(i, i + 4)),
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

    it('finds near-duplicate candidates by band in the same position only', async () => {
      const sim = input(FIXTURES[5]).simhash;
      const found = await store.findNearDuplicateCandidates([sim.slice(0, 4), 'zzzz', 'zzzz', 'zzzz']);
      expect(found.map((c) => c.id)).toEqual(['a1', 'a6']);
      expect(found.find((c) => c.id === 'a6')).toEqual({ id: 'a6', simhash: sim, nearDuplicateOf: 'a1' });
      expect(await store.findNearDuplicateCandidates(['zzzz', sim.slice(0, 4), 'zzzz', 'zzzz'])).toEqual([]);
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
        writer.prepare(`INSERT INTO articles (id, content_hash, simhash, body, saved_at) VALUES ('w1', 'hw1', '00', 'text', 'now')`).run();
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

describe('openStore', () => {
  it('rejects a URL that is not postgres://', async () => {
    await expect(openStore({ url: 'mysql://x@y/z' })).rejects.toMatchObject({ code: 'STORE_ERROR' });
  });

  it('reports an unopenable SQLite path as STORE_ERROR', async () => {
    await expect(openStore({ db: '/nonexistent-dir/sub/x.db', url: undefined })).rejects.toMatchObject({ code: 'STORE_ERROR' });
  });
});
