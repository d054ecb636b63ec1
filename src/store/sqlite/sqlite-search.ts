import { prepareSearch, type PreparedSearch } from '../search/prepare-search.js';
import { toFts5 } from '../search/render-query.js';
import { snippetFor } from '../search/snippet.js';
import { Conditions, addArticleFilters, paging } from '../sql/conditions.js';
import type { Row } from '../sql/sql-reader.js';
import type { Page, SearchHit, SearchQuery } from '../store.js';
import { NEAR_ROWID, SEQ_MASK, seqOfRowid } from './fts-rowid.js';
import type { ReadHelper } from './read-helper.js';

const BM25 = 'bm25(article_fts, 2.0, 1.0)';

/** Tuning of SQLite search (a module object so tests can lower the thresholds). */
export const SEARCH_TUNING = {
  /** Pages ending deeper than this are ranked by SQL alone (the joined plan). */
  twoPhaseMax: 1000,
  /** A joined search first asks for this many ranked hits: when fewer exist, that answer holds the total too. */
  smallResult: 2000,
  /** A store with at least this many articles starts the read helper (and splits every joined search with it). */
  splitMin: 10_000,
  /** An in-index search with at least this many hits splits its ranking with the read helper. */
  splitHits: 5_000,
  /** How long a split search waits for the helper's half before ranking it here. */
  helperTimeoutMs: 2000,
  /**
   * A split whose two threads used less than minParallelism times its wall time in CPU did not really run at once
   * (the other core is busy with other work, and splitting only adds a second bm25 setup): the next
   * skipAfterSlowSplit searches then run on this thread alone, twice as many after each further slow split.
   */
  minParallelism: 1.4,
  skipAfterSlowSplit: 10,
  /** Each further slow split doubles the searches skipped, up to this many. */
  maxSkip: 500,
};

/** What SqliteSearch needs of its store. */
export interface SearchHost {
  all(sql: string, params: unknown[]): Row[];
  /** Runs `read` in one read transaction. */
  inRead<T>(read: () => T): T;
  /** Changes whenever another connection has committed between two calls. */
  version(): number;
  /** The read helper when it can take work, else null; `start` starts it in the background when there is none. */
  helper(start: boolean): ReadHelper | null;
  /** The languages of the stored articles. */
  storedLangs(): string[];
}

/** A ranked search hit: the article's seq, its bm25 (lower is better) and, once known, its id. */
interface Hit { seq: number; bm: number; id?: string }
interface Ranked { total: number; hits: Hit[] }

interface Plan {
  query: SearchQuery;
  prepared: PreparedSearch;
  match: string;
  offset: number;
  limit: number;
  /** No article filter but the near-copy one: count and rank inside FTS5 alone. */
  inIndex: boolean;
}

/** UTF-8 byte order, which is SQLite's BINARY collation (JS compares UTF-16 units). */
const binaryOrder = (x: string, y: string): number => (x === y ? 0 : Buffer.compare(Buffer.from(x), Buffer.from(y)));
const byRank = (x: Hit, y: Hit): number => x.bm - y.bm || binaryOrder(x.id!, y.id!);

/**
 * Full-text search on the SQLite store. Without article filters (but the near-copy one) count and ranking run
 * inside FTS5 alone (near copies have rowids of their own range, fts-rowid.ts); with filters they join
 * article_filters. bm25 is computed once per hit; titles and bodies are read for the page's hits only.
 *
 * Exact bm25 ranking has to score every hit (about a microsecond each), so a search with many hits ranks the two
 * halves of the rowid range at once, one on the read helper's thread (read-helper.ts). Its answer is kept only if no
 * other connection committed between the first and the last read; else, or when the helper fails, the search runs
 * again on this connection alone in one read transaction. Where the other core turns out to be busy (the two
 * threads did not really run at once), searches run here alone for a while (minParallelism).
 */
export class SqliteSearch {
  /** Searches left to run without the helper, and how many the next slow split skips (see skipAfterSlowSplit). */
  private skip = 0;
  private backoff = 0;

  constructor(private readonly host: SearchHost) {}

  search(query: SearchQuery): Page<SearchHit> {
    const plan = this.plan(query);
    if (!plan) return { total: 0, items: [] };
    const helper = this.skip > 0 ? null : this.host.helper(false);
    if (this.skip > 0) this.skip--;
    if (helper) {
      const before = this.host.version();
      let page: Page<SearchHit> | null = null;
      try {
        page = this.host.inRead(() => this.split(plan, helper));
      } catch {
        page = null; // the helper failed or gave up: rank here
      } finally {
        helper.abandon();
      }
      if (page && this.host.version() === before) return page;
    }
    return this.host.inRead(() => {
      const ranked = plan.inIndex ? this.rankInIndex(plan) : this.rankJoined(plan);
      // A store this large has searches worth splitting: start the helper for the next ones.
      if (!helper && this.skip === 0 && Number(this.host.all('SELECT max(seq) AS m FROM articles', [])[0].m ?? 0) >= SEARCH_TUNING.splitMin) {
        this.host.helper(true);
      }
      return this.page(plan, ranked);
    });
  }

  private plan(query: SearchQuery): Plan | null {
    const prepared = prepareSearch(query, this.host.storedLangs());
    if (!prepared) return null;
    const [limit, offset] = paging(query).params;
    const filters = new Conditions();
    addArticleFilters(filters, { ...query, includeNearCopies: true }, { mentions: true, events: true });
    const inIndex = filters.parts.length === 0 && offset + limit <= SEARCH_TUNING.twoPhaseMax;
    return { query, prepared, match: toFts5(prepared.node, prepared.langs), offset, limit, inIndex };
  }

  /** The hits of a ranking with titles, dates, languages and snippets. */
  private page(plan: Plan, ranked: Ranked): Page<SearchHit> {
    const seqs = ranked.hits.map((h) => h.seq);
    const rows = seqs.length === 0 ? [] : this.host.all(
      `SELECT a.seq, a.id, a.title, a.date, a.lang, ab.body FROM articles a LEFT JOIN article_bodies ab ON ab.seq = a.seq
       WHERE a.seq IN (SELECT value FROM json_each(?))`, [JSON.stringify(seqs)],
    );
    const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
    return {
      total: ranked.total,
      items: ranked.hits.flatMap((hit) => {
        const r = bySeq.get(hit.seq);
        if (!r) return [];
        const lang = r.lang === null ? null : String(r.lang);
        const title = r.title === null ? null : String(r.title);
        return [{
          id: String(r.id), title, date: r.date === null ? null : String(r.date), lang, score: -hit.bm,
          ...snippetFor(title, String(r.body ?? ''), lang, plan.prepared.keys),
        }];
      }),
    };
  }

  /** The full-text condition of an in-index plan (rowid is article_fts.rowid). */
  private indexWhere(plan: Plan): string {
    let where = 'article_fts MATCH ?';
    if (!plan.query.includeNearCopies) {
      where += ` AND rowid < ${NEAR_ROWID}`;
      if (this.host.all('SELECT 1 FROM fts_legacy_near LIMIT 1', []).length > 0) {
        where += ' AND rowid NOT IN (SELECT seq FROM fts_legacy_near)';
      }
    }
    return where;
  }

  /**
   * The total and one page ordered by bm25, then id, from FTS5 alone: the best hits by bm25 are fetched until the
   * last fetched is strictly worse than the page's last, so every hit tied with the page's last is among them;
   * those are then ordered by id.
   */
  private rankInIndex(plan: Plan, counted?: number): Ranked {
    const where = this.indexWhere(plan);
    const total = counted ?? Number(this.host.all(`SELECT count(*) AS n FROM article_fts WHERE ${where}`, [plan.match])[0].n);
    const end = plan.offset + plan.limit;
    if (plan.limit === 0 || plan.offset >= total) return { total, hits: [] };
    for (let fetch = end + 32; ; fetch *= 4) {
      const rows = this.host.all(`SELECT rowid, ${BM25} AS bm FROM article_fts WHERE ${where} ORDER BY bm LIMIT ?`, [plan.match, fetch]);
      const hits = rows.map((r) => ({ seq: seqOfRowid(Number(r.rowid)), bm: Number(r.bm) }));
      if (hits.length < fetch || hits[hits.length - 1].bm > hits[end - 1].bm) return { total, hits: this.orderTies(hits, plan) };
    }
  }

  /** Orders hits holding every hit as good as the page's last by bm25 and id, and cuts the page. */
  private orderTies(hits: Hit[], plan: Plan): Hit[] {
    const end = plan.offset + plan.limit;
    const bound = hits.length >= end ? [...hits].sort((x, y) => x.bm - y.bm)[end - 1].bm : Infinity;
    const candidates = hits.filter((h) => h.bm <= bound);
    const ids = new Map(this.host.all('SELECT seq, id FROM articles WHERE seq IN (SELECT value FROM json_each(?))',
      [JSON.stringify(candidates.map((h) => h.seq))]).map((r) => [Number(r.seq), String(r.id)]));
    const known = candidates.filter((h) => ids.has(h.seq)).map((h) => ({ ...h, id: ids.get(h.seq) }));
    return known.sort(byRank).slice(plan.offset, end);
  }

  /** The FROM and WHERE of a joined plan, with its parameters. */
  private joined(plan: Plan): { from: string; params: unknown[] } {
    const c = new Conditions().add('article_fts MATCH ?', plan.match);
    if (!plan.query.includeNearCopies) c.add(`article_fts.rowid < ${NEAR_ROWID}`);
    addArticleFilters(c, plan.query, { mentions: true, events: true });
    return { from: `FROM article_fts CROSS JOIN article_filters a ON a.seq = (article_fts.rowid & ${SEQ_MASK}) ${c.where()}`, params: c.params };
  }

  /**
   * The total and one page with article filters, joined to article_filters (the filtered columns of articles,
   * packed: addArticleFilters reads no others on alias `a`). The first query asks for smallResult ranked hits;
   * when fewer come back, they are all the hits and give the total without a second pass to count.
   */
  private rankJoined(plan: Plan): Ranked {
    const { from, params } = this.joined(plan);
    const count = () => Number(this.host.all(`SELECT count(*) AS n ${from}`, params)[0].n);
    const ranked = (limit: number, offset: number): Hit[] => this.host.all(
      `SELECT a.seq, ${BM25} AS bm ${from} ORDER BY bm, a.id LIMIT ? OFFSET ?`, [...params, limit, offset],
    ).map((r) => ({ seq: Number(r.seq), bm: Number(r.bm) }));
    const end = plan.offset + plan.limit;
    if (end > SEARCH_TUNING.smallResult) return { total: count(), hits: ranked(plan.limit, plan.offset) };
    const first = ranked(SEARCH_TUNING.smallResult, 0);
    return { total: first.length < SEARCH_TUNING.smallResult ? first.length : count(), hits: first.slice(plan.offset, end) };
  }

  /**
   * The search with its ranking split at the middle seq: the upper half on the helper, the lower half here, at
   * once (this thread blocks for the helper's rows once its own are done), counting likewise. Null for deep pages
   * of a joined search and when ties might reach past what a half returned.
   * The caller holds a read transaction here and drops the answer if another connection committed meanwhile (the
   * helper reads in its own transaction).
   */
  private split(plan: Plan, helper: ReadHelper): Page<SearchHit> | null {
    const end = plan.offset + plan.limit;
    if (plan.limit === 0) return null;
    const max = Number(this.host.all('SELECT max(seq) AS m FROM articles', [])[0].m ?? 0);
    const mid = Math.floor(max / 2) + 1;
    const halves = (rowid: string): [string, string] => (plan.query.includeNearCopies
      ? [`(${rowid} & ${SEQ_MASK}) < ${mid}`, `(${rowid} & ${SEQ_MASK}) >= ${mid}`]
      : [`${rowid} < ${mid}`, `${rowid} >= ${mid}`]);
    const wait = SEARCH_TUNING.helperTimeoutMs;
    // Whether the two threads really ran at once: the process's CPU time over the wall time of the parallel part.
    let clock: { cpu: NodeJS.CpuUsage; wall: number } | null = null;
    const startClock = () => {
      clock ??= { cpu: process.cpuUsage(), wall: performance.now() };
    };
    const judge = () => {
      if (!clock) return;
      const wall = performance.now() - clock.wall;
      const used = process.cpuUsage(clock.cpu);
      if (wall > 5 && (used.user + used.system) / 1000 < SEARCH_TUNING.minParallelism * wall) {
        this.backoff = Math.min(SEARCH_TUNING.maxSkip, this.backoff ? this.backoff * 2 : SEARCH_TUNING.skipAfterSlowSplit);
        this.skip = this.backoff;
      } else if (wall > 5) {
        this.backoff = 0;
      }
      clock = null;
    };
    let ranked: Ranked;
    if (plan.inIndex) {
      const where = this.indexWhere(plan);
      const [low, high] = halves('rowid');
      const rank = (h: string) => `SELECT rowid, ${BM25} AS bm FROM article_fts WHERE ${where} AND ${h} ORDER BY bm LIMIT ?`;
      const count = (h: string) => `SELECT count(*) AS n FROM article_fts WHERE ${where} AND ${h}`;
      const counting = helper.send(count(high), [plan.match]);
      const lowTotal = Number(this.host.all(count(low), [plan.match])[0].n);
      const total = lowTotal + Number(helper.collect(counting, wait)[0][0]);
      // Few hits: ranking them all here costs less than a second bm25 setup on the helper.
      if (total < SEARCH_TUNING.splitHits) return this.page(plan, this.rankInIndex(plan, total));
      if (plan.offset >= total) return this.page(plan, { total, hits: [] });
      let all: Hit[] = [];
      for (let fetch = end + 32; ; fetch *= 4) {
        startClock();
        const ranking = helper.send(rank(high), [plan.match, fetch]);
        const mine = this.host.all(rank(low), [plan.match, fetch]).map((r) => ({ seq: seqOfRowid(Number(r.rowid)), bm: Number(r.bm) }));
        const other = helper.collect(ranking, wait).map(([rowid, bm]) => ({ seq: seqOfRowid(Number(rowid)), bm: Number(bm) }));
        judge();
        all = [...mine, ...other].sort((x, y) => x.bm - y.bm);
        // Each half must hold every hit as good as the page's last: one cut off at `fetch` may hold more tied with it.
        const bound = all.length >= end ? all[end - 1].bm : Infinity;
        if (![mine, other].some((h) => h.length === fetch && h[h.length - 1].bm <= bound)) break;
      }
      ranked = { total, hits: this.orderTies(all, plan) };
    } else {
      const cap = SEARCH_TUNING.smallResult;
      if (end > cap) return null;
      const { from, params } = this.joined(plan);
      const [low, high] = halves('article_fts.rowid');
      const sql = (h: string) => `SELECT a.seq, a.id, ${BM25} AS bm ${from} AND ${h} ORDER BY bm, a.id LIMIT ?`;
      startClock();
      const ticket = helper.send(sql(high), [...params, cap]);
      const mine = this.host.all(sql(low), [...params, cap]).map((r) => ({ seq: Number(r.seq), id: String(r.id), bm: Number(r.bm) }));
      const other = helper.collect(ticket, wait).map(([seq, id, bm]) => ({ seq: Number(seq), id: String(id), bm: Number(bm) }));
      judge();
      let total = mine.length + other.length;
      if (mine.length === cap || other.length === cap) {
        const count = (h: string) => `SELECT count(*) AS n ${from} AND ${h}`;
        const counting = helper.send(count(high), params);
        total = Number(this.host.all(count(low), params)[0].n) + Number(helper.collect(counting, wait)[0][0]);
      }
      ranked = { total, hits: [...mine, ...other].sort(byRank).slice(plan.offset, end) };
    }
    return this.page(plan, ranked);
  }
}
