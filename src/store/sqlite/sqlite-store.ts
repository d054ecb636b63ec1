import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { GeigerError } from '../../errors.js';
import type { Analysis } from '../../pipeline/analysis.js';
import { guard } from '../guard.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite.js';
import {
  DERIVED_TABLES, analysisRow, articleRow, bandRows, derivedRows, searchText, type TableRows,
} from '../sql/derived-rows.js';
import { SqlReader, type Row, type SqlDialect } from '../sql/sql-reader.js';
import { WatchRuleSql } from '../sql/watch-rules.js';
import { ftsRowid } from './fts-rowid.js';
import { ReadHelper } from './read-helper.js';
import { SqliteSearch } from './sqlite-search.js';
import { MONTH_OF_DATE, TimelineAdditions, dayKey, monthOf, type DayKey } from './timeline-rows.js';
import type { SaveArticleInput, SaveResult, Store, Versions } from '../store.js';

/** The stored languages in index order, one index seek per language (a loose index scan of articles_lang). */
const STORED_LANGS = `WITH RECURSIVE l (lang) AS (
  SELECT min(lang) FROM articles UNION ALL SELECT (SELECT min(lang) FROM articles WHERE lang > l.lang) FROM l WHERE l.lang IS NOT NULL
) SELECT lang FROM l WHERE lang IS NOT NULL`;
/** The SQLite schema keeps bodies apart (article_bodies) and maintains the per-day timeline tables. */
const DIALECT: SqlDialect = { body: { join: 'JOIN article_bodies ab ON ab.seq = a.seq', column: 'ab.body' }, timelineTables: true };

const bind = (params: unknown[]): unknown[] =>
  params.map((p) => (p === true ? 1 : p === false ? 0 : p === undefined ? null : p));

/** The Store on one SQLite file (WAL, foreign keys, FTS5 over stemmed text). */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly reader: SqlReader;
  private readonly watch: WatchRuleSql;

  private readonly searcher: SqliteSearch;
  /** The stored languages and the data_version they were read at; dropped by this connection's own writes. */
  private langs: { version: number; langs: string[] } | null = null;
  /** The read helper for split searches: undefined until wanted, null where there can be none. */
  private helper: ReadHelper | null | undefined;

  constructor(private readonly db: Database.Database) {
    // The file as opened (the helper opens it later, whatever the working directory is by then).
    const file = db.memory || !db.name ? null : resolve(db.name);
    this.reader = new SqlReader({ all: async (sql, params) => this.all(sql, params) }, DIALECT);
    this.watch = new WatchRuleSql({ all: async (sql, params) => this.all(sql, params) });
    this.searcher = new SqliteSearch({
      all: (sql, params) => this.all(sql, params),
      inRead: (read) => this.db.transaction(read)(),
      version: () => this.dataVersion(),
      helper: (start) => {
        if (this.helper === undefined && start) {
          try {
            this.helper = file === null ? null : new ReadHelper(file);
          } catch {
            this.helper = null; // no worker threads here: every search runs on this connection
          }
        }
        // Not inside a transaction of the caller's: the helper would not see its uncommitted writes.
        return this.helper?.ready && !this.db.inTransaction ? this.helper : null;
      },
      storedLangs: () => this.storedLangs(),
    });
  }

  /** Applies pending migrations in order, each in its own transaction. */
  async migrate(): Promise<void> {
    await guard('migrating the SQLite store', () => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      for (const m of SQLITE_MIGRATIONS) {
        if (this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) continue;
        // foreign_keys cannot change inside a transaction.
        const keys = m.foreignKeysOff && this.db.pragma('foreign_keys', { simple: true }) === 1;
        if (keys) this.db.pragma('foreign_keys = OFF');
        try {
          this.db.transaction(() => {
            if (this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
            this.db.exec(m.sql);
            if (m.foreignKeysOff && (this.db.pragma('foreign_key_check') as unknown[]).length > 0) {
              throw new Error(`migration ${m.version} (${m.name}) broke foreign keys`);
            }
            this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
              .run(m.version, m.name, new Date().toISOString());
          }).immediate();
        } finally {
          if (keys) this.db.pragma('foreign_keys = ON');
        }
      }
    });
  }

  async close(): Promise<void> {
    const helper = this.helper;
    this.helper = null;
    await helper?.close();
    if (this.db.open) this.db.close();
  }

  async saveArticle(input: SaveArticleInput): Promise<SaveResult> {
    return (await this.saveArticles([input]))[0];
  }

  async saveArticles(inputs: readonly SaveArticleInput[]): Promise<SaveResult[]> {
    const what = inputs.length === 1 ? `saving article ${inputs[0].article.id}` : `saving ${inputs.length} articles`;
    return guard(what, () => {
      const savedAt = new Date().toISOString();
      this.langs = null;
      return this.db.transaction((): SaveResult[] => {
        const timeline = new TimelineAdditions();
        const results = inputs.map((input) => this.insertArticle(input, savedAt, timeline));
        timeline.write((sql, params) => this.run(sql, params));
        return results;
      }).immediate();
    });
  }

  /** Inserts one article with its index rows and analysis (inside the caller's transaction). */
  private insertArticle(input: SaveArticleInput, savedAt: string, timeline: TimelineAdditions): SaveResult {
    const row = articleRow(input, savedAt);
    const inserted = this.run(
      `INSERT INTO articles (id, content_hash, simhash, date, lang, title, url, origin, duplicate_of,
         near_duplicate_of, relevant, relevance, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [row.id, row.contentHash, row.simhash, row.date, row.lang, row.title, row.url, row.origin,
        row.duplicateOf, row.nearDuplicateOf, row.relevant, row.relevance, row.savedAt],
    );
    if (inserted.changes === 0) {
      return this.statement('SELECT 1 FROM articles WHERE id = ?').get(row.id) ? 'exists' : 'duplicate';
    }
    const seq = inserted.lastInsertRowid;
    this.run('INSERT INTO article_bodies (seq, body) VALUES (?, ?)', [seq, row.body]);
    this.run('INSERT INTO article_filters (seq, id, date, lang, relevant, near_duplicate_of) VALUES (?, ?, ?, ?, ?, ?)',
      [seq, row.id, row.date, row.lang, row.relevant, row.nearDuplicateOf]);
    const text = input.searchText ?? searchText(row.title, row.body, row.lang);
    this.run('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)',
      [ftsRowid(seq, row.nearDuplicateOf !== null), text.title, text.body]);
    this.insert(bandRows(row.id, input.bands));
    this.insert(analysisRow(row.id, input.analysis, input, row.savedAt, input.recordJson));
    for (const t of derivedRows(row.id, input.analysis)) this.insert(t);
    timeline.add(dayKey(row.date, row.lang, row.relevant, row.nearDuplicateOf !== null), input.analysis);
    return 'new';
  }

  /**
   * Recomputes the timeline rows of one key (a date and the article properties) from the articles and their events,
   * then the month rows that key falls in from the day rows: after a change that can lower a maximum.
   */
  private recomputeTimeline(key: DayKey): void {
    const k = [key.near, key.dated, key.date, key.lang, key.relevant];
    const match = 'a.date IS ? AND a.lang IS ? AND (a.relevant <> 0) = ? AND (a.near_duplicate_of IS NOT NULL) = ?';
    const m = [key.dated ? key.date : null, key.lang === '' ? null : key.lang, key.relevant, key.near];
    this.run('DELETE FROM timeline_article_days WHERE near = ? AND dated = ? AND date = ? AND lang = ? AND relevant = ?', k);
    this.run(
      `INSERT INTO timeline_article_days (near, dated, date, lang, relevant, articles)
       SELECT ?, ?, ?, ?, ?, count(*) FROM articles a WHERE ${match} HAVING count(*) > 0`, [...k, ...m],
    );
    this.run(
      `DELETE FROM timeline_event_days
       WHERE near = ? AND negated IN (0, 1) AND dated = ? AND date = ? AND lang = ? AND relevant = ?`, k,
    );
    this.run(
      `INSERT INTO timeline_event_days (near, negated, dated, date, type, lang, relevant, events, intensity_sum, intensity_max)
       SELECT ?, ev.negated <> 0, ?, ?, ev.type, ?, ?, count(*), sum(ev.intensity), max(ev.intensity)
       FROM articles a JOIN events ev ON ev.article_id = a.id WHERE ${match} GROUP BY ev.negated <> 0, ev.type`,
      [...k, ...m],
    );
    const month = monthOf(key.date);
    const inMonth = [key.near, key.dated, month, key.lang, key.relevant];
    this.run(
      `DELETE FROM timeline_event_months
       WHERE near = ? AND negated IN (0, 1) AND dated = ? AND month = ? AND lang = ? AND relevant = ?`, inMonth,
    );
    this.run(
      `INSERT INTO timeline_event_months (near, negated, dated, month, type, lang, relevant, events, intensity_sum, intensity_max)
       SELECT near, negated, dated, ?, type, lang, relevant, sum(events), sum(intensity_sum), max(intensity_max)
       FROM timeline_event_days WHERE near = ? AND negated IN (0, 1) AND dated = ? AND date >= ? AND date <= ?
         AND ${MONTH_OF_DATE} = ? AND lang = ? AND relevant = ?
       GROUP BY negated, type`,
      [month, key.near, key.dated, month, `${month}\u{10FFFF}`, month, key.lang, key.relevant],
    );
  }

  async replaceAnalysis(id: string, analysis: Analysis, versions: Versions): Promise<void> {
    await guard(`replacing the analysis of ${id}`, () => {
      const current = this.statement(
        'SELECT a.seq, a.title, ab.body, a.lang FROM articles a JOIN article_bodies ab ON ab.seq = a.seq WHERE a.id = ?',
      ).get(id) as Row | undefined;
      if (!current) throw new GeigerError('NOT_FOUND', `no stored article "${id}"`);
      const lang = analysis.lang || (current.lang as string | null);
      const text = searchText(current.title as string | null, String(current.body), lang);
      this.langs = null;
      this.db.transaction(() => {
        const old = this.statement('SELECT date, lang, relevant, near_duplicate_of FROM articles WHERE id = ?').get(id) as Row;
        const date = old.date as string | null;
        const near = old.near_duplicate_of !== null;
        const before = dayKey(date, old.lang as string | null, old.relevant, near);
        const after = dayKey(date, lang, analysis.relevant, near);
        for (const table of DERIVED_TABLES) this.run(`DELETE FROM ${table} WHERE article_id = ?`, [id]);
        this.run('DELETE FROM analyses WHERE article_id = ?', [id]);
        this.insert(analysisRow(id, analysis, versions, new Date().toISOString()));
        for (const t of derivedRows(id, analysis)) this.insert(t);
        this.run('UPDATE articles SET relevant = ?, relevance = ?, lang = ? WHERE id = ?',
          [analysis.relevant, analysis.relevance ?? null, lang, id]);
        this.run('UPDATE article_filters SET relevant = ?, lang = ? WHERE seq = ?', [analysis.relevant, lang, current.seq]);
        const legacy = near && this.statement('SELECT 1 FROM fts_legacy_near WHERE seq = ?').get(current.seq) !== undefined;
        const rowid = ftsRowid(Number(current.seq), near && !legacy);
        this.run('DELETE FROM article_fts WHERE rowid = ?', [rowid]);
        this.run('INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)', [rowid, text.title, text.body]);
        this.recomputeTimeline(before);
        if (before.lang !== after.lang || before.relevant !== after.relevant) this.recomputeTimeline(after);
      }).immediate();
    });
  }

  search: Store['search'] = (query) => guard('searching', () => this.searcher.search(query));

  /** The languages of the stored articles, read again only after a write (this connection's or another's). */
  private storedLangs(): string[] {
    const version = this.dataVersion();
    if (this.langs?.version !== version) {
      this.langs = { version, langs: this.all(STORED_LANGS, []).map((r) => String(r.lang)) };
    }
    return this.langs.langs;
  }

  /** Changes when another connection has committed since the previous call. */
  private dataVersion(): number {
    return Number((this.statement('PRAGMA data_version').get() as Row).data_version);
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

/** WAL pages (4 KB) between automatic checkpoints. */
export const WAL_CHECKPOINT_PAGES = 10_000;

/** Opens (creating if needed) and migrates the SQLite store at `file`. */
export async function openSqliteStore(file: string): Promise<SqliteStore> {
  const db = await guard(`opening SQLite store ${file}`, () => {
    const handle = new Database(file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('busy_timeout = 5000');
    handle.pragma('foreign_keys = ON');
    handle.pragma('synchronous = NORMAL');
    // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB: each checkpoint syncs the file, and at the default an
    // ingest spent ~0.6 ms of every article's ~3.5 ms waiting for it (bench/ingest-rate.mjs).
    handle.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    return handle;
  });
  const store = new SqliteStore(db);
  await store.migrate();
  return store;
}
