import type { Analysis, ClaimItem, EntityType, EventType, TreatyAction } from '../../pipeline/analysis.js';
import type {
  ActorFilter, ActorRank, ArticleSummary, ClaimFilter, CommonFilter, EntityFilter, EventFilter, NearDuplicateCandidate,
  Page, QuoteFilter, StoreStats, StoredArticle, StoredClaim, StoredEntity, StoredEvent, StoredQuote, Timeline,
  TimelineBucket, TimelineQuery,
} from '../store.js';
import { Conditions, addArticleFilters, addDayFilters, addNames, asList, marks, paging } from './conditions.js';
import { periodOf, periodStarts } from './periods.js';

export type Row = Record<string, unknown>;

/** Runs one SQL statement with `?` placeholders and returns its rows. */
export interface SqlRunner { all(sql: string, params: unknown[]): Promise<Row[]> }

/** Where the schemas of the adapters differ. */
export interface SqlDialect {
  /** A join on `articles a` that brings in the body (empty when it is a column of articles) and the body's column. */
  body: { join: string; column: string };
  /**
   * The store keeps the timeline tables (timeline_event_days, timeline_event_months, timeline_article_days: counts
   * per article date and filterable property, maintained on every write; SQLite migration 4 describes them).
   */
  timelineTables: boolean;
}

/** Body inline in articles, no timeline tables (the PostgreSQL schema). */
export const INLINE_DIALECT: SqlDialect = { body: { join: '', column: 'a.body' }, timelineTables: false };

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const ARTICLE_REF = 'a.date AS a_date, a.lang AS a_lang, a.title AS a_title';
const ORDER = '(a.date IS NULL), a.date DESC, a.id';

function ref(r: Row) {
  return { articleId: String(r.article_id), date: str(r.a_date), lang: str(r.a_lang), title: str(r.a_title) };
}

/** The read side of the store in SQL both adapters speak (search aside). */
export class SqlReader {
  constructor(private readonly db: SqlRunner, private readonly dialect: SqlDialect = INLINE_DIALECT) {}

  /** The id of the article with this content hash, or null. */
  async findByContentHash(hash: string): Promise<string | null> {
    const rows = await this.db.all('SELECT id FROM articles WHERE content_hash = ?', [hash]);
    return rows.length ? String(rows[0].id) : null;
  }

  /** Articles sharing at least one SimHash band (bands are labelled with their position). */
  async findNearDuplicateCandidates(bands: string[]): Promise<NearDuplicateCandidate[]> {
    if (bands.length === 0) return [];
    const rows = await this.db.all(
      `SELECT DISTINCT a.id, a.simhash, a.near_duplicate_of FROM simhash_bands b JOIN articles a ON a.id = b.article_id
       WHERE b.band IN (${bands.map(() => '?').join(', ')}) ORDER BY a.id`,
      bands,
    );
    return rows.map((r) => ({ id: String(r.id), simhash: String(r.simhash), nearDuplicateOf: str(r.near_duplicate_of) }));
  }

  async articleText(id: string): Promise<string | null> {
    const { join, column } = this.dialect.body;
    const rows = await this.db.all(`SELECT ${column} AS body FROM articles a ${join} WHERE a.id = ?`, [id]);
    return rows.length ? String(rows[0].body) : null;
  }

  /** Ids, in id order after `afterId`, whose analysis was made by other versions. */
  async staleAnalyses(pipelineVersion: string, codebookVersion: string, limit: number, afterId?: string): Promise<string[]> {
    const c = new Conditions().add('(pipeline_version <> ? OR codebook_version <> ?)', pipelineVersion, codebookVersion);
    if (afterId !== undefined) c.add('article_id > ?', afterId);
    const p = paging({ limit });
    const rows = await this.db.all(`SELECT article_id FROM analyses ${c.where()} ORDER BY article_id ${p.sql}`, [...c.params, ...p.params]);
    return rows.map((r) => String(r.article_id));
  }

  /** One article with its analysis and near copies. */
  async getArticle(id: string): Promise<StoredArticle | null> {
    const { join, column } = this.dialect.body;
    const rows = await this.db.all(
      `SELECT a.id, a.content_hash, a.simhash, a.date, a.lang, a.title, a.url, ${column} AS body, a.origin, a.duplicate_of,
         a.near_duplicate_of, a.saved_at, an.record, an.pipeline_version, an.codebook_version FROM articles a ${join}
       JOIN analyses an ON an.article_id = a.id WHERE a.id = ?`, [id],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    const copies = await this.db.all(
      `SELECT id, date, title, url FROM articles a WHERE near_duplicate_of = ? ORDER BY ${ORDER}`, [id],
    );
    const origin = r.origin === null || r.origin === undefined ? undefined : json<StoredArticle['article']['origin']>(r.origin);
    return {
      article: {
        id: String(r.id), date: str(r.date), text: String(r.body),
        ...(r.url !== null ? { url: String(r.url) } : {}),
        ...(r.lang !== null ? { lang: String(r.lang) } : {}),
        ...(r.title !== null ? { title: String(r.title) } : {}),
        ...(origin ? { origin } : {}),
      },
      analysis: json<Analysis>(r.record),
      contentHash: String(r.content_hash),
      simhash: String(r.simhash),
      duplicateOf: str(r.duplicate_of),
      nearDuplicateOf: str(r.near_duplicate_of),
      savedAt: String(r.saved_at),
      pipelineVersion: String(r.pipeline_version),
      codebookVersion: String(r.codebook_version),
      nearCopies: copies.map((c) => ({ id: String(c.id), date: str(c.date), title: str(c.title), url: str(c.url) })),
    };
  }

  /** Articles matching the filter, newest first. */
  async listArticles(f: CommonFilter = {}): Promise<Page<ArticleSummary>> {
    const c = new Conditions();
    addArticleFilters(c, f, { mentions: true, events: true });
    const p = paging(f);
    const total = await this.count(`SELECT count(*) AS n FROM articles a ${c.where()}`, c.params);
    const rows = await this.db.all(
      `SELECT a.id, a.date, a.lang, a.title, a.url, a.relevant, a.near_duplicate_of,
         (SELECT count(*) FROM events ev WHERE ev.article_id = a.id) AS event_count,
         (SELECT max(ev.intensity) FROM events ev WHERE ev.article_id = a.id) AS max_intensity
       FROM articles a ${c.where()} ORDER BY ${ORDER} ${p.sql}`,
      [...c.params, ...p.params],
    );
    return {
      total,
      items: rows.map((r) => ({
        id: String(r.id), date: str(r.date), lang: str(r.lang), title: str(r.title), url: str(r.url),
        relevant: Boolean(r.relevant), nearDuplicateOf: str(r.near_duplicate_of),
        eventCount: num(r.event_count), maxIntensity: numOrNull(r.max_intensity),
      })),
    };
  }

  /** Quotes, newest article first; `speaker` and `actor` both filter the speaker. */
  async quotes(f: QuoteFilter = {}): Promise<Page<StoredQuote>> {
    const c = new Conditions();
    addArticleFilters(c, f, { mentions: false, events: true });
    addNames(c, 'q.speaker', 'q.speaker_id', [...asList(f.speaker), ...asList(f.actor)]);
    if (f.direct !== undefined) c.add('q.direct = ?', f.direct);
    const from = `FROM quotes q JOIN articles a ON a.id = q.article_id ${c.where()}`;
    const p = paging(f);
    const total = await this.count(`SELECT count(*) AS n ${from}`, c.params);
    const rows = await this.db.all(`SELECT q.*, ${ARTICLE_REF} ${from} ORDER BY ${ORDER}, q.ord ${p.sql}`, [...c.params, ...p.params]);
    return {
      total,
      items: rows.map((r) => ({
        ...ref(r), speaker: str(r.speaker), speakerId: str(r.speaker_id), text: String(r.text), direct: Boolean(r.direct),
        span: { start: num(r.start_offset), end: num(r.end_offset), text: String(r.span_text) }, rule: str(r.rule),
      })),
    };
  }

  /** Events, newest article first; negated events only on request. */
  async events(f: EventFilter = {}): Promise<Page<StoredEvent>> {
    const c = new Conditions();
    addArticleFilters(c, { ...f, type: undefined, minIntensity: undefined }, { mentions: false, events: false });
    addEventFilters(c, f);
    addNames(c, 'ev.target', 'ev.target_id', asList(f.target));
    const weapons = asList(f.weapon);
    if (weapons.length > 0) c.add(`ev.weapon IN (${marks(weapons.length)})`, ...weapons);
    const from = `FROM events ev JOIN articles a ON a.id = ev.article_id ${c.where()}`;
    const p = paging(f);
    const total = await this.count(`SELECT count(*) AS n ${from}`, c.params);
    const rows = await this.db.all(`SELECT ev.*, ${ARTICLE_REF} ${from} ORDER BY ${ORDER}, ev.ord ${p.sql}`, [...c.params, ...p.params]);
    return {
      total,
      items: rows.map((r) => ({
        ...ref(r), type: String(r.type) as EventType, actor: str(r.actor), actorId: str(r.actor_id),
        target: str(r.target), targetId: str(r.target_id), weapon: str(r.weapon), intensity: num(r.intensity),
        evidence: { start: num(r.evidence_start), end: num(r.evidence_end), text: String(r.evidence_text) },
        cue: r.cue_start === null ? null : { start: num(r.cue_start), end: num(r.cue_end), text: String(r.cue_text) },
        negated: Boolean(r.negated), hypothetical: Boolean(r.hypothetical), treaty: str(r.treaty),
        action: str(r.action) as TreatyAction | null, when: str(r.when_date), rule: str(r.rule),
      })),
    };
  }

  /** Claims, newest article first; `holder` and `actor` both filter the holder. */
  async claims(f: ClaimFilter = {}): Promise<Page<StoredClaim>> {
    const c = new Conditions();
    addArticleFilters(c, f, { mentions: false, events: true });
    addNames(c, 'cl.holder', 'cl.holder_id', [...asList(f.holder), ...asList(f.actor)]);
    const items = asList(f.item);
    if (items.length > 0) c.add(`cl.item IN (${marks(items.length)})`, ...items);
    const from = `FROM claims cl JOIN articles a ON a.id = cl.article_id ${c.where()}`;
    const p = paging(f);
    const total = await this.count(`SELECT count(*) AS n ${from}`, c.params);
    const rows = await this.db.all(`SELECT cl.*, ${ARTICLE_REF} ${from} ORDER BY ${ORDER}, cl.ord ${p.sql}`, [...c.params, ...p.params]);
    return {
      total,
      items: rows.map((r) => ({
        ...ref(r), holder: str(r.holder), holderId: str(r.holder_id), quantity: num(r.quantity), approx: Boolean(r.approx),
        item: String(r.item) as ClaimItem, source: str(r.source),
        evidence: { start: num(r.evidence_start), end: num(r.evidence_end), text: String(r.evidence_text) }, rule: str(r.rule),
      })),
    };
  }

  /** Entity rows of the matching articles, newest article first; `actor` keeps articles mentioning it. */
  async entities(f: EntityFilter = {}): Promise<Page<StoredEntity>> {
    const c = new Conditions();
    addArticleFilters(c, f, { mentions: true, events: true });
    const types = asList(f.entityTypes);
    if (types.length > 0) c.add(`e.type IN (${marks(types.length)})`, ...types);
    const from = `FROM entities e JOIN articles a ON a.id = e.article_id ${c.where()}`;
    const p = paging(f);
    const total = await this.count(`SELECT count(*) AS n ${from}`, c.params);
    const rows = await this.db.all(
      `SELECT e.article_id, e.type, e.name, e.codebook_id, e.mention_count, ${ARTICLE_REF} ${from} ORDER BY ${ORDER}, e.ord ${p.sql}`,
      [...c.params, ...p.params],
    );
    return {
      total,
      items: rows.map((r) => ({
        ...ref(r), type: String(r.type) as EntityType, name: String(r.name), id: str(r.codebook_id), mentions: num(r.mention_count),
      })),
    };
  }

  /** Actors ranked by mentions (or articles, quotes, events); an actor is keyed by codebook id, else by name. */
  async actors(f: ActorFilter = {}): Promise<Page<ActorRank>> {
    const base = new Conditions();
    addArticleFilters(base, { ...f, actor: undefined, type: undefined, minIntensity: undefined }, { mentions: false, events: false });
    const names = asList(f.actor);
    const types = f.entityTypes ?? ['PERSON', 'ORG', 'LOC'];
    const ranks = new Map<string, ActorRank>();
    const rank = (name: string, id: string | null): ActorRank => {
      const key = id ?? `name:${name}`;
      let r = ranks.get(key);
      if (!r) {
        r = { name, id, type: null, mentions: 0, articles: 0, quotes: 0, events: 0, maxIntensity: null };
        ranks.set(key, r);
      }
      return r;
    };

    const ent = withBase(base);
    if (types.length > 0) ent.add(`e.type IN (${marks(types.length)})`, ...types);
    addNames(ent, 'e.name', 'e.codebook_id', names);
    const entityRows = await this.db.all(
      `SELECT e.name, e.codebook_id, min(e.type) AS type, sum(e.mention_count) AS mentions, count(DISTINCT e.article_id) AS articles
       FROM entities e JOIN articles a ON a.id = e.article_id ${ent.where()} GROUP BY e.name, e.codebook_id
       ORDER BY sum(e.mention_count) DESC`, ent.params,
    );
    for (const r of entityRows) {
      const a = rank(String(r.name), str(r.codebook_id));
      a.mentions += num(r.mentions);
      a.articles += num(r.articles);
      a.type ??= String(r.type) as EntityType;
    }

    const q = withBase(base).add('q.speaker IS NOT NULL');
    addNames(q, 'q.speaker', 'q.speaker_id', names);
    const quoteRows = await this.db.all(
      `SELECT q.speaker, q.speaker_id, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id ${q.where()}
       GROUP BY q.speaker, q.speaker_id`, q.params,
    );
    for (const r of quoteRows) rank(String(r.speaker), str(r.speaker_id)).quotes += num(r.n);

    const ev = withBase(base).add('ev.actor IS NOT NULL');
    addEventFilters(ev, { type: f.type, minIntensity: f.minIntensity, actor: names });
    const eventRows = await this.db.all(
      `SELECT ev.actor, ev.actor_id, count(*) AS n, max(ev.intensity) AS m FROM events ev JOIN articles a ON a.id = ev.article_id
       ${ev.where()} GROUP BY ev.actor, ev.actor_id`, ev.params,
    );
    for (const r of eventRows) {
      const a = rank(String(r.actor), str(r.actor_id));
      a.events += num(r.n);
      a.maxIntensity = Math.max(a.maxIntensity ?? -Infinity, num(r.m));
    }

    const sortBy = f.sortBy ?? 'mentions';
    const all = [...ranks.values()].sort((x, y) => y[sortBy] - x[sortBy] || y.mentions - x.mentions || x.name.localeCompare(y.name));
    const offset = f.offset ?? 0;
    paging(f);
    return { total: all.length, items: all.slice(offset, f.limit === undefined ? undefined : offset + f.limit) };
  }

  /**
   * Event counts per type and intensity sum and max per period, from the dates of the articles. With the per-day
   * timeline tables the rows come from those (grouped to the period's date prefix in SQL); an actor filter needs the
   * events themselves, so then only the article counts come from the day rows.
   */
  async timeline(t: TimelineQuery): Promise<Timeline> {
    const days = this.dialect.timelineTables && !asList(t.lang).includes('');
    const eventRows = days && asList(t.actor).length === 0 ? await this.timelineEventDays(t) : await this.timelineEventJoin(t);
    const articleRows = days ? await this.timelineArticleDays(t) : await this.timelineArticleJoin(t);
    const buckets = new Map<string, TimelineBucket>();
    const bucket = (date: string | null): TimelineBucket | null => {
      const p = periodOf(date, t.by);
      if (!p) return null;
      let b = buckets.get(p.start);
      if (!b) {
        b = { period: p.period, start: p.start, counts: {}, events: 0, intensitySum: 0, intensityMax: null, articles: 0 };
        buckets.set(p.start, b);
      }
      return b;
    };
    let undated = 0;
    for (const r of eventRows) {
      const b = bucket(str(r.date));
      if (!b) { undated += num(r.n); continue; }
      const type = String(r.type) as EventType;
      b.counts[type] = (b.counts[type] ?? 0) + num(r.n);
      b.events += num(r.n);
      b.intensitySum += num(r.s);
      b.intensityMax = Math.max(b.intensityMax ?? -Infinity, num(r.m));
    }
    for (const r of articleRows) {
      const b = bucket(str(r.date));
      if (b) b.articles += num(r.n);
    }
    const starts = [...buckets.keys()].sort();
    if (starts.length > 0) for (const s of periodStarts(starts[0], starts[starts.length - 1], t.by)) bucket(s);
    return { by: t.by, buckets: [...buckets.values()].sort((x, y) => (x.start < y.start ? -1 : 1)), undated };
  }

  /** Event rows (date, type, n, s, m) of a timeline from the events and their articles. */
  private async timelineEventJoin(t: TimelineQuery): Promise<Row[]> {
    const ev = new Conditions();
    addArticleFilters(ev, { ...t, actor: undefined, type: undefined }, { mentions: false, events: false });
    addEventFilters(ev, { type: t.type, actor: t.actor, includeNegated: t.includeNegated });
    return this.db.all(
      `SELECT a.date AS date, ev.type AS type, count(*) AS n, sum(ev.intensity) AS s, max(ev.intensity) AS m
       FROM events ev JOIN articles a ON a.id = ev.article_id ${ev.where()} GROUP BY a.date, ev.type`, ev.params,
    );
  }

  /** Article rows (date, n) of a timeline from the articles. */
  private async timelineArticleJoin(t: TimelineQuery): Promise<Row[]> {
    const base = new Conditions();
    addArticleFilters(base, { ...t, actor: undefined, type: undefined }, { mentions: false, events: false });
    return this.db.all(`SELECT a.date AS date, count(*) AS n FROM articles a ${base.where()} GROUP BY a.date`, base.params);
  }

  /**
   * Event rows of a timeline from the day or month rows (no actor filter), dates cut to what the period looks at.
   * Month rows answer a monthly timeline unless a date filter names a day (a day-precise bound splits a month).
   */
  private async timelineEventDays(t: TimelineQuery): Promise<Row[]> {
    const byMonth = t.by === 'month' && (t.from?.length ?? 0) <= 7 && (t.to?.length ?? 0) <= 7;
    const c = new Conditions();
    addDayFilters(c, t, byMonth ? 'month' : 'date');
    const types = asList(t.type);
    if (types.length > 0) c.add(`d.type IN (${marks(types.length)})`, ...types);
    if (!t.includeNegated) c.add('d.negated = 0');
    const key = byMonth ? '(CASE WHEN d.dated = 0 THEN NULL ELSE d.month END)' : dayKey(t.by);
    return this.db.all(
      `SELECT ${key} AS date, d.type AS type, sum(d.events) AS n, sum(d.intensity_sum) AS s, max(d.intensity_max) AS m
       FROM ${byMonth ? 'timeline_event_months' : 'timeline_event_days'} d ${c.where()} GROUP BY ${key}, d.type`, c.params,
    );
  }

  /** Article rows of a timeline from the day rows. */
  private async timelineArticleDays(t: TimelineQuery): Promise<Row[]> {
    const c = new Conditions();
    addDayFilters(c, t, 'date');
    const key = dayKey(t.by);
    return this.db.all(`SELECT ${key} AS date, sum(d.articles) AS n FROM timeline_article_days d ${c.where()} GROUP BY ${key}`, c.params);
  }

  /** Counts over the whole store; everything but articles and near duplicates leaves out near copies. */
  async stats(): Promise<StoreStats> {
    const one = async (sql: string) => (await this.db.all(sql, []))[0] ?? {};
    const live = 'JOIN articles a ON a.id = x.article_id WHERE a.near_duplicate_of IS NULL';
    const a = await one(
      `SELECT count(*) AS articles, count(near_duplicate_of) AS near, count(duplicate_of) AS dup,
         min(date) AS first, max(date) AS last FROM articles`,
    );
    const relevant = await one('SELECT count(*) AS n FROM articles WHERE near_duplicate_of IS NULL AND relevant = TRUE');
    const counted = async (table: string) => num((await one(`SELECT count(*) AS n FROM ${table} x ${live}`)).n);
    const byType = await this.db.all(`SELECT x.type, count(*) AS n FROM events x ${live} GROUP BY x.type`, []);
    const langs = await this.db.all('SELECT lang, count(*) AS n FROM articles WHERE near_duplicate_of IS NULL GROUP BY lang', []);
    const versions = await this.db.all(
      'SELECT pipeline_version, codebook_version, count(*) AS n FROM analyses GROUP BY pipeline_version, codebook_version', [],
    );
    return {
      articles: num(a.articles), nearDuplicates: num(a.near), duplicates: num(a.dup), relevant: num(relevant.n),
      entities: await counted('entities'), quotes: await counted('quotes'), events: await counted('events'),
      claims: await counted('claims'),
      eventsByType: Object.fromEntries(byType.map((r) => [String(r.type), num(r.n)])),
      languages: Object.fromEntries(langs.map((r) => [str(r.lang) ?? 'unknown', num(r.n)])),
      firstDate: str(a.first), lastDate: str(a.last),
      versions: Object.fromEntries(versions.map((r) => [`${r.pipeline_version}/${r.codebook_version}`, num(r.n)])),
    };
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    return num((await this.db.all(sql, params))[0]?.n);
  }
}

/**
 * The date of a day row as far as periodOf looks at it for `by` (the first 7 or 10 characters, shorter dates as they
 * are, null when undated), so grouping on it in SQL merges only rows that land in the same period.
 */
function dayKey(by: TimelineQuery['by']): string {
  const n = by === 'month' ? 7 : 10;
  return `(CASE WHEN d.dated = 0 THEN NULL WHEN length(d.date) >= ${n} THEN substr(d.date, 1, ${n}) ELSE d.date END)`;
}

function withBase(base: Conditions): Conditions {
  const c = new Conditions();
  base.parts.forEach((p) => c.parts.push(p));
  c.params.push(...base.params);
  return c;
}

function addEventFilters(
  c: Conditions, f: { type?: EventType | EventType[]; minIntensity?: number; actor?: string | string[]; includeNegated?: boolean },
): void {
  const types = asList(f.type);
  if (types.length > 0) c.add(`ev.type IN (${marks(types.length)})`, ...types);
  if (f.minIntensity !== undefined) c.add('ev.intensity >= ?', f.minIntensity);
  addNames(c, 'ev.actor', 'ev.actor_id', asList(f.actor));
  if (!f.includeNegated) c.add('ev.negated = ?', false);
}
