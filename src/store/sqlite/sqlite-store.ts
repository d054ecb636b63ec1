import Database from 'better-sqlite3';
import { GeigerError } from '../../errors.js';
import type { Analysis } from '../../pipeline/analysis.js';
import { guard } from '../guard.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js';
import { prepareSearch } from '../search/prepare-search.js';
import { toFts5 } from '../search/render-query.js';
import { snippetFor } from '../search/snippet.js';
import { Conditions, addArticleFilters, paging } from '../sql/conditions.js';
import {
  DERIVED_TABLES, analysisRow, articleRow, bandRows, derivedRows, searchText, type TableRows,
} from '../sql/derived-rows.js';
import { SqlReader, type Row } from '../sql/sql-reader.js';
import { WatchRuleSql } from '../sql/watch-rules.js';
import type { Page, SaveArticleInput, SaveResult, SearchHit, SearchQuery, Store, Versions } from '../store.js';

const BM25 = 'bm25(article_fts, 2.0, 1.0)';

const bind = (params: unknown[]): unknown[] =>
  params.map((p) => (p === true ? 1 : p === false ? 0 : p === undefined ? null : p));

/** The Store on one SQLite file (WAL, foreign keys, FTS5 over stemmed text). */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly reader: SqlReader;
  private readonly watch: WatchRuleSql;

  constructor(private readonly db: Database.Database) {
    this.reader = new SqlReader({ all: async (sql, params) => this.all(sql, params) });
    this.watch = new WatchRuleSql({ all: async (sql, params) => this.all(sql, params) });
  }

  /** Applies pending migrations in order, each in its own transaction. */
  async migrate(): Promise<void> {
    await guard('migrating the SQLite store', () => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      for (const m of SQLITE_MIGRATIONS) {
        this.db.transaction(() => {
          if (this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
          this.db.exec(m.sql);
          this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(m.version, m.name, new Date().toISOString());
        }).immediate();
      }
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async saveArticle(input: SaveArticleInput): Promise<SaveResult> {
    return (await this.saveArticles([input]))[0];
  }

  async saveArticles(inputs: readonly SaveArticleInput[]): Promise<SaveResult[]> {
    const what = inputs.length === 1 ? `saving article ${inputs[0].article.id}` : `saving ${inputs.length} articles`;
    return guard(what, () => {
      const savedAt = new Date().toISOString();
      return this.db.transaction((): SaveResult[] => inputs.map((input) => this.insertArticle(input, savedAt))).immediate();
    });
  }

  /** Inserts one article with its index rows and analysis (inside the caller's transaction). */
  private insertArticle(input: SaveArticleInput, savedAt: string): SaveResult {
    const row = articleRow(input, savedAt);
    const inserted = this.run(
      `INSERT INTO articles (id, content_hash, simhash, date, lang, title, url, body, origin, duplicate_of,
         near_duplicate_of, relevant, relevance, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [row.id, row.contentHash, row.simhash, row.date, row.lang, row.title, row.url, row.body, row.origin,
        row.duplicateOf, row.nearDuplicateOf, row.relevant, row.relevance, row.savedAt],
    );
    if (inserted.changes === 0) {
      return this.statement('SELECT 1 FROM articles WHERE id = ?').get(row.id) ? 'exists' : 'duplicate';
    }
    const text = searchText(row.title, row.body, row.lang);
    this.run('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)', [inserted.lastInsertRowid, text.title, text.body]);
    this.insert(bandRows(row.id, input.bands));
    this.insert(analysisRow(row.id, input.analysis, input, row.savedAt));
    for (const t of derivedRows(row.id, input.analysis)) this.insert(t);
    return 'new';
  }

  async replaceAnalysis(id: string, analysis: Analysis, versions: Versions): Promise<void> {
    await guard(`replacing the analysis of ${id}`, () => {
      const current = this.statement('SELECT seq, title, body, lang FROM articles WHERE id = ?').get(id) as Row | undefined;
      if (!current) throw new GeigerError('NOT_FOUND', `no stored article "${id}"`);
      const lang = analysis.lang || (current.lang as string | null);
      const text = searchText(current.title as string | null, String(current.body), lang);
      this.db.transaction(() => {
        for (const table of DERIVED_TABLES) this.run(`DELETE FROM ${table} WHERE article_id = ?`, [id]);
        this.run('DELETE FROM analyses WHERE article_id = ?', [id]);
        this.insert(analysisRow(id, analysis, versions, new Date().toISOString()));
        for (const t of derivedRows(id, analysis)) this.insert(t);
        this.run('UPDATE articles SET relevant = ?, relevance = ?, lang = ? WHERE id = ?',
          [analysis.relevant, analysis.relevance ?? null, lang, id]);
        this.run('DELETE FROM article_fts WHERE rowid = ?', [current.seq]);
        this.run('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)', [current.seq, text.title, text.body]);
      }).immediate();
    });
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    return guard('searching', () => {
      const langs = this.all('SELECT DISTINCT lang FROM articles WHERE lang IS NOT NULL', []).map((r) => String(r.lang));
      const prepared = prepareSearch(query, langs);
      if (!prepared) return { total: 0, items: [] };
      const c = new Conditions().add('article_fts MATCH ?', toFts5(prepared.node, prepared.langs));
      addArticleFilters(c, query, { mentions: true, events: true });
      const from = `FROM article_fts CROSS JOIN articles a ON a.seq = article_fts.rowid ${c.where()}`;
      const p = paging(query);
      const total = Number(this.all(`SELECT count(*) AS n ${from}`, c.params)[0].n);
      const rows = this.all(
        `SELECT a.id, a.title, a.date, a.lang, a.body, -${BM25} AS score ${from} ORDER BY ${BM25}, a.id ${p.sql}`,
        [...c.params, ...p.params],
      );
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

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private all(sql: string, params: unknown[]): Row[] {
    return this.statement(sql).all(...bind(params)) as Row[];
  }

  private run(sql: string, params: unknown[]): Database.RunResult {
    return this.statement(sql).run(...bind(params));
  }

  private insert(t: TableRows): void {
    if (t.rows.length === 0) return;
    const s = this.statement(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
    for (const r of t.rows) s.run(...bind(r));
  }
}

/** Opens (creating if needed) and migrates the SQLite store at `file`. */
export async function openSqliteStore(file: string): Promise<SqliteStore> {
  const db = await guard(`opening SQLite store ${file}`, () => {
    const handle = new Database(file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('busy_timeout = 5000');
    handle.pragma('foreign_keys = ON');
    handle.pragma('synchronous = NORMAL');
    return handle;
  });
  const store = new SqliteStore(db);
  await store.migrate();
  return store;
}
