import pg from 'pg';
import { GeigerError } from '../../errors.js';
import type { Analysis } from '../../pipeline/analysis.js';
import { guard } from '../guard.js';
import { POSTGRES_MIGRATIONS } from '../migrations/postgres.js';
import { prepareSearch } from '../search/prepare-search.js';
import { toTsquery } from '../search/render-query.js';
import { snippetFor } from '../search/snippet.js';
import { Conditions, addArticleFilters, paging } from '../sql/conditions.js';
import {
  DERIVED_TABLES, analysisRow, articleRow, bandRows, derivedRows, searchText, type TableRows,
} from '../sql/derived-rows.js';
import { SqlReader, type Row } from '../sql/sql-reader.js';
import { WatchRuleSql } from '../sql/watch-rules.js';
import type { Page, SaveArticleInput, SaveResult, SearchHit, SearchQuery, Store, Versions } from '../store.js';

const MIGRATION_LOCK = 7_140_431_001;
const MAX_PARAMS = 60_000;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SEARCH_DOC = "setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')";

type Queryable = pg.Pool | pg.PoolClient;

/** Rewrites `?` placeholders as $1, $2, … */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function query(db: Queryable, sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
  return db.query<Row>(numbered(sql), params);
}

async function insert(db: Queryable, t: TableRows): Promise<void> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / t.columns.length));
  const tuple = `(${t.columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < t.rows.length; i += perChunk) {
    const chunk = t.rows.slice(i, i + perChunk);
    await query(db, `INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

/** Inserts one article with its search document, index rows and analysis (inside the caller's transaction). */
async function insertArticle(client: Queryable, input: SaveArticleInput, savedAt: string): Promise<SaveResult> {
  const row = articleRow(input, savedAt);
  const text = input.searchText ?? searchText(row.title, row.body, row.lang);
  const inserted = await query(client,
    `INSERT INTO articles (id, content_hash, simhash, date, lang, title, url, body, origin, duplicate_of,
       near_duplicate_of, relevant, relevance, saved_at, search_doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${SEARCH_DOC}) ON CONFLICT DO NOTHING`,
    [row.id, row.contentHash, row.simhash, row.date, row.lang, row.title, row.url, row.body, row.origin,
      row.duplicateOf, row.nearDuplicateOf, row.relevant, row.relevance, row.savedAt, text.title, text.body],
  );
  if (inserted.rowCount === 0) {
    const same = await query(client, 'SELECT 1 FROM articles WHERE id = ?', [row.id]);
    return same.rowCount ? 'exists' : 'duplicate';
  }
  await insert(client, bandRows(row.id, input.bands));
  await insert(client, analysisRow(row.id, input.analysis, input, row.savedAt, input.recordJson));
  for (const t of derivedRows(row.id, input.analysis)) await insert(client, t);
  return 'new';
}

/** The Store on PostgreSQL (pg Pool; full text in a GIN-indexed tsvector over the stemmed copy). */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly reader: SqlReader;
  private readonly watch: WatchRuleSql;

  constructor(private readonly pool: pg.Pool, private readonly schema?: string) {
    this.reader = new SqlReader({ all: async (sql, params) => (await query(pool, sql, params)).rows });
    this.watch = new WatchRuleSql({ all: async (sql, params) => (await query(pool, sql, params)).rows });
  }

  /** Applies pending migrations under an advisory lock, so concurrent workers migrate once. */
  async migrate(): Promise<void> {
    await guard('migrating the PostgreSQL store', () => this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if (this.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
      for (const m of POSTGRES_MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query(m.sql);
        await query(client, 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
          [m.version, m.name, new Date().toISOString()]);
      }
    }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async saveArticle(input: SaveArticleInput): Promise<SaveResult> {
    return (await this.saveArticles([input]))[0];
  }

  async saveArticles(inputs: readonly SaveArticleInput[]): Promise<SaveResult[]> {
    const what = inputs.length === 1 ? `saving article ${inputs[0].article.id}` : `saving ${inputs.length} articles`;
    return guard(what, () => {
      const savedAt = new Date().toISOString();
      return this.transaction(async (client) => {
        const results: SaveResult[] = [];
        for (const input of inputs) results.push(await insertArticle(client, input, savedAt));
        return results;
      });
    });
  }

  async replaceAnalysis(id: string, analysis: Analysis, versions: Versions): Promise<void> {
    await guard(`replacing the analysis of ${id}`, () => this.transaction(async (client) => {
      const current = (await query(client, 'SELECT title, body, lang FROM articles WHERE id = ? FOR UPDATE', [id])).rows[0];
      if (!current) throw new GeigerError('NOT_FOUND', `no stored article "${id}"`);
      const lang = analysis.lang || (current.lang as string | null);
      const text = searchText(current.title as string | null, String(current.body), lang);
      for (const table of DERIVED_TABLES) await query(client, `DELETE FROM ${table} WHERE article_id = ?`, [id]);
      await query(client, 'DELETE FROM analyses WHERE article_id = ?', [id]);
      await insert(client, analysisRow(id, analysis, versions, new Date().toISOString()));
      for (const t of derivedRows(id, analysis)) await insert(client, t);
      await query(client, `UPDATE articles SET relevant = ?, relevance = ?, lang = ?, search_doc = ${SEARCH_DOC} WHERE id = ?`,
        [analysis.relevant, analysis.relevance ?? null, lang, text.title, text.body, id]);
    }));
  }

  async search(q: SearchQuery): Promise<Page<SearchHit>> {
    return guard('searching', async () => {
      const langs = (await query(this.pool, 'SELECT DISTINCT lang FROM articles WHERE lang IS NOT NULL')).rows.map((r) => String(r.lang));
      const prepared = prepareSearch(q, langs);
      if (!prepared) return { total: 0, items: [] };
      const c = new Conditions().add("a.search_doc @@ to_tsquery('simple', ?)", toTsquery(prepared.node, prepared.langs));
      addArticleFilters(c, q, { mentions: true, events: true });
      const p = paging(q);
      const total = Number((await query(this.pool, `SELECT count(*) AS n FROM articles a ${c.where()}`, c.params)).rows[0].n);
      const rows = (await query(this.pool,
        `SELECT a.id, a.title, a.date, a.lang, a.body, ts_rank(a.search_doc, to_tsquery('simple', ?)) AS score
         FROM articles a ${c.where()} ORDER BY score DESC, a.id ${p.sql}`,
        [c.params[0], ...c.params, ...p.params])).rows;
      return {
        total,
        items: rows.map((r) => {
          const lang = r.lang === null ? null : String(r.lang);
          const title = r.title === null ? null : String(r.title);
          return {
            id: String(r.id), title, date: r.date === null ? null : String(r.date), lang, score: Number(r.score),
            ...snippetFor(title, String(r.body), lang, prepared.keys),
          };
        }),
      };
    });
  }

  findByContentHash = (hash: string) => guard('looking up a content hash', () => this.reader.findByContentHash(hash));
  findNearDuplicateCandidates = (bands: string[]) => guard('looking up SimHash bands', () => this.reader.findNearDuplicateCandidates(bands));
  articleText = (id: string) => guard(`reading the text of ${id}`, () => this.reader.articleText(id));
  staleAnalyses = (pipelineVersion: string, codebookVersion: string, limit: number, afterId?: string) =>
    guard('listing stale analyses', () => this.reader.staleAnalyses(pipelineVersion, codebookVersion, limit, afterId));
  getArticle = (id: string) => guard(`reading article ${id}`, () => this.reader.getArticle(id));
  listArticles: Store['listArticles'] = (f) => guard('listing articles', () => this.reader.listArticles(f));
  quotes: Store['quotes'] = (f) => guard('listing quotes', () => this.reader.quotes(f));
  events: Store['events'] = (f) => guard('listing events', () => this.reader.events(f));
  claims: Store['claims'] = (f) => guard('listing claims', () => this.reader.claims(f));
  entities: Store['entities'] = (f) => guard('listing entities', () => this.reader.entities(f));
  actors: Store['actors'] = (f) => guard('ranking actors', () => this.reader.actors(f));
  timeline: Store['timeline'] = (t) => guard('building a timeline', () => this.reader.timeline(t));
  stats: Store['stats'] = () => guard('counting', () => this.reader.stats());
  saveWatchRule: Store['saveWatchRule'] = (r) => guard(`saving watch rule ${r.id}`, () => this.watch.save(r));
  listWatchRules: Store['listWatchRules'] = () => guard('listing watch rules', () => this.watch.list());
  deleteWatchRule: Store['deleteWatchRule'] = (id) => guard(`deleting watch rule ${id}`, () => this.watch.delete(id));
  saveAlertHits: Store['saveAlertHits'] = (h) => guard('saving alert hits', () => this.watch.saveHits(h));
  alertHits: Store['alertHits'] = (id, p) => guard(`listing hits of watch rule ${id}`, () => this.watch.hits(id, p));

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Opens and migrates the PostgreSQL store at `url`, in `schema` when given (created if missing). */
export async function openPostgresStore(options: { url: string; schema?: string }): Promise<PostgresStore> {
  if (options.schema !== undefined && !IDENTIFIER.test(options.schema)) {
    throw new GeigerError('STORE_ERROR', `invalid PostgreSQL schema name "${options.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', () => undefined);
  const store = new PostgresStore(pool, options.schema);
  try {
    await store.migrate();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return store;
}
