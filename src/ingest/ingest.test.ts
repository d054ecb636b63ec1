import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/create.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { readSources } from '../read/index.js';
import { openStore, type Store } from '../store/store.js';
import { analyseInProcess, type AnalyseBatch } from './analysed.js';
import { ingestArticles } from './ingest.js';
import { PG_URL, postgresReason } from '../../test/helpers/postgres.js';

const pgSkip = await postgresReason();

const LONG = [
  'The defence ministry in Moscow said on Tuesday that mobile launchers carrying Yars missiles had left their bases',
  'for a week of drills in the forests north of Irkutsk. According to the ministry, crews will practise moving',
  'the launchers at night, hiding them from satellites and preparing simulated launches against an imagined enemy.',
  'Western officials said the drills had been announced in advance under existing notification rules and did not',
  'by themselves signal a change in readiness. Analysts at a research institute in Stockholm noted that similar',
  'exercises take place every spring and autumn, but that the ministry had chosen to publish unusually detailed',
  'video footage this time. A spokesman for the alliance in Brussels said it was watching closely and saw no',
  'reason to alter its own posture. In Kyiv, a government adviser called the footage an attempt to frighten',
  'European voters ahead of several elections. The ministry later added that strategic bombers would join the',
  'final stage of the exercise, flying long routes over the Arctic before returning to their home airfields.',
].join(' ');

const NEAR = LONG.replace('on Tuesday', 'on Wednesday');
const NEARER = NEAR.replace('every spring and autumn', 'every spring and every autumn');
const SHORT = 'Poetin zei zaterdag dat Rusland tactische kernwapens in Wit-Rusland plaatst. De NAVO noemde dat onverantwoord.';

function rows(items: Record<string, unknown>[]): string {
  return items.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

const dirs: string[] = [];
const schemas: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'geiger-ingest-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (schemas.length === 0 || pgSkip) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
});

let pipeline: Pipeline;
beforeAll(() => { pipeline = createPipeline(); });

const adapters = [
  { kind: 'sqlite' as const, skip: null as string | null },
  { kind: 'postgres' as const, skip: pgSkip },
];

async function openKind(kind: 'sqlite' | 'postgres'): Promise<Store> {
  if (kind === 'sqlite') return openStore({ db: join(tempDir(), 'test.db'), url: '' });
  const schema = `geiger_ingest_${Math.random().toString(36).slice(2, 10)}`;
  schemas.push(schema);
  return openStore({ url: PG_URL, schema });
}

for (const adapter of adapters) {
  describe.skipIf(adapter.skip !== null)(`ingest into ${adapter.kind}${adapter.skip ? ` (skipped: ${adapter.skip})` : ''}`, () => {
    it('stores new articles once: a second run over the same input adds nothing', async () => {
      const dir = tempDir();
      const file = join(dir, 'in.jsonl');
      writeFileSync(file, rows([
        { id: 'long', date: '2024-04-02', text: LONG },
        { id: 'short', date: '2023-03-25', text: SHORT },
      ]));
      const store = await openKind(adapter.kind);
      try {
        const first = await ingestArticles(store, pipeline, readSources([file]));
        expect(first).toMatchObject({ read: 2, new: 2, duplicates: 0, nearDuplicates: 0, failed: [] });
        const second = await ingestArticles(store, pipeline, readSources([file]));
        expect(second).toMatchObject({ read: 2, new: 0, duplicates: 2, nearDuplicates: 0, failed: [] });
        expect((await store.stats()).articles).toBe(2);
        const stored = await store.getArticle('short');
        expect(stored?.analysis.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Vladimir Putin', 'NATO']));
        expect(stored?.pipelineVersion).toBe(pipeline.version.pipeline);
        expect(stored?.codebookVersion).toBe(pipeline.version.codebook);
      } finally {
        await store.close();
      }
    });
  });
}

describe('ingest deduplication and failures (SQLite)', () => {
  it.each([1, 2, 64])('skips exact copies under another id and links near copies to the first article of the story (batches of %i)', async (batch) => {
    const dir = tempDir();
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, rows([
      { id: 'first', date: '2024-04-02', text: LONG },
      { id: 'copy', date: '2024-04-02', text: LONG.toUpperCase().replace(/\./g, ' .') },
      { id: 'edited', date: '2024-04-03', text: NEAR },
      { id: 'edited-again', date: '2024-04-04', text: NEARER },
    ]));
    const store = await openKind('sqlite');
    try {
      const summary = await ingestArticles(store, pipeline, readSources([file]), { batch });
      expect(summary).toMatchObject({ read: 4, new: 1, duplicates: 1, nearDuplicates: 2, failed: [] });
      expect(await store.getArticle('copy')).toBeNull();
      expect((await store.getArticle('edited'))?.nearDuplicateOf).toBe('first');
      expect((await store.getArticle('edited-again'))?.nearDuplicateOf).toBe('first');
      expect((await store.getArticle('first'))?.nearCopies.map((c) => c.id).sort()).toEqual(['edited', 'edited-again']);
    } finally {
      await store.close();
    }
  });

  it('stores the rest of a batch when one article cannot be saved, naming that article', async () => {
    const dir = tempDir();
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, rows([
      { id: 'before', date: '2024-04-02', text: LONG },
      { id: 'poison', date: '2023-03-25', text: SHORT },
      { id: 'after', date: '2024-04-03', text: 'De Russische minister kondigde een oefening met raketten aan bij Kaliningrad.' },
    ]));
    const db = join(dir, 'poison.db');
    const store = await openStore({ db, url: '' });
    const side = new Database(db);
    side.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON articles WHEN NEW.id = 'poison'
      BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    side.close();
    try {
      const summary = await ingestArticles(store, pipeline, readSources([file]), { batch: 64 });
      expect(summary).toMatchObject({ read: 3, new: 2 });
      expect(summary.failed).toEqual([expect.objectContaining({ file: expect.stringContaining('in.jsonl'), reason: expect.stringMatching(/not stored: .*refused by test trigger/) })]);
      expect((await store.getArticle('before'))?.article.text).toBe(LONG);
      expect(await store.getArticle('after')).not.toBeNull();
      expect(await store.getArticle('poison')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('counts an article whose id is already stored with other text as a duplicate', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), rows([{ id: 'same-id', date: '2024-01-01', text: SHORT }]));
    writeFileSync(join(dir, 'b.jsonl'), rows([{ id: 'same-id', date: '2024-01-01', text: LONG }]));
    const store = await openKind('sqlite');
    try {
      const summary = await ingestArticles(store, pipeline, readSources([join(dir, 'a.jsonl'), join(dir, 'b.jsonl')]));
      expect(summary).toMatchObject({ read: 2, new: 1, duplicates: 1 });
      expect((await store.getArticle('same-id'))?.article.text).toBe(SHORT);
    } finally {
      await store.close();
    }
  });

  it('counts bad input with its file, line and reason and stores the rest', async () => {
    const dir = tempDir();
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'ok', date: '2023-03-25', text: SHORT })}\n{broken json\n${JSON.stringify({ id: 'no-text', date: '2023-03-25' })}\n`);
    const store = await openKind('sqlite');
    try {
      const summary = await ingestArticles(store, pipeline, readSources([file, join(dir, 'missing.txt')]));
      expect(summary.new).toBe(1);
      expect(summary.read).toBe(4);
      expect(summary.failed).toHaveLength(3);
      expect(summary.failed[0]).toMatchObject({ file, line: 2 });
      expect(summary.failed[1]).toMatchObject({ file, line: 3 });
      expect(summary.failed[2].file).toContain('missing.txt');
      for (const f of summary.failed) expect(f.reason.length).toBeGreaterThan(5);
    } finally {
      await store.close();
    }
  });

  it('takes analyses from an AnalyseBatch (as a worker pool gives them), one failed analysis costing only its article', async () => {
    const dir = tempDir();
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, rows([
      { id: 'kept-1', date: '2024-01-01', text: SHORT }, { id: 'lost', date: '2024-01-02', text: LONG },
      { id: 'kept-2', date: '2024-01-03', text: LONG.replace('Irkutsk', 'Novosibirsk').replace('Stockholm', 'Oslo').replace('Kyiv', 'Warsaw') },
    ]));
    const inProcess = analyseInProcess(pipeline);
    const batches: string[][] = [];
    const analyse: AnalyseBatch = async (articles) => {
      batches.push(articles.map((a) => a.id));
      const done = await inProcess(articles);
      return done.map((d, i) => (articles[i].id === 'lost' ? { error: 'analysis worker failed: worker exited' } : d));
    };
    const store = await openKind('sqlite');
    try {
      const summary = await ingestArticles(store, analyse, readSources([file]), { batch: 2 });
      expect(batches).toEqual([['kept-1', 'lost'], ['kept-2']]);
      expect(summary).toMatchObject({ read: 3, new: 2 });
      expect(summary.failed).toEqual([expect.objectContaining({ file, reason: 'analysis worker failed: worker exited' })]);
      expect((await store.getArticle('kept-2'))?.analysis.version).toEqual(pipeline.version);
      expect(await store.getArticle('lost')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('reads JSON Lines from standard input', async () => {
    const stdin = Readable.from([Buffer.from(rows([{ id: 'from-stdin', date: '2023-03-25', text: SHORT }]))]);
    const store = await openKind('sqlite');
    try {
      const seen: number[] = [];
      const summary = await ingestArticles(store, pipeline, readSources(['-'], { stdin }), { onProgress: (s) => seen.push(s.read) });
      expect(summary).toMatchObject({ read: 1, new: 1 });
      expect(seen).toEqual([1]);
      expect((await store.getArticle('from-stdin'))?.article.date).toBe('2023-03-25');
    } finally {
      await store.close();
    }
  });
});
