import { GeigerError } from '../errors.js';
import type { Article } from '../read/article.js';
import type { SearchText } from './sql/derived-rows.js';
import type { Analysis, ClaimItem, EntityType, EventType, Span, TreatyAction } from '../pipeline/analysis.js';

/** Which pipeline and codebook made an analysis. */
export interface Versions { pipelineVersion: string; codebookVersion: string }

export interface SaveArticleInput extends Versions {
  article: Article;
  analysis: Analysis;
  /** Hash of the normalised body (exact duplicates share it). */
  contentHash: string;
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string;
  /** The SimHash index bands, each labelled with its position (nearDuplicateBands). */
  bands: string[];
  duplicateOf?: string | null;
  nearDuplicateOf?: string | null;
  /** The full-text copy (searchTextOf), when already made elsewhere, e.g. in the analysis worker. */
  searchText?: SearchText;
  /** The stored record (analysisRecordJson of this analysis and these versions), when already made elsewhere. */
  recordJson?: string;
}

/** 'new': stored; 'exists': this id is already stored; 'duplicate': another id holds the same content hash. */
export type SaveResult = 'new' | 'exists' | 'duplicate';

export interface Paging { limit?: number; offset?: number }
export interface Page<T> { total: number; items: T[] }

/**
 * Filters shared by the list queries. Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; ranges are inclusive and
 * overlap-based (a "2023-05" article is inside from "2023-05-10"). On articles and search, `actor` means "mentions
 * the entity" and `type`/`minIntensity` "has such an event"; events(), quotes() and claims() apply `actor` to
 * the actor, speaker and holder of each row.
 */
export interface CommonFilter extends Paging {
  from?: string;
  to?: string;
  lang?: string | string[];
  /** Canonical names or codebook ids (aliases are resolved by the caller). */
  actor?: string | string[];
  type?: EventType | EventType[];
  minIntensity?: number;
  relevantOnly?: boolean;
  /** Include articles that are near copies of another (excluded by default). */
  includeNearCopies?: boolean;
}

export interface ArticleSummary {
  id: string;
  date: string | null;
  lang: string | null;
  title: string | null;
  url: string | null;
  relevant: boolean;
  nearDuplicateOf: string | null;
  eventCount: number;
  maxIntensity: number | null;
}

export interface StoredArticle extends Versions {
  article: Article;
  analysis: Analysis;
  contentHash: string;
  simhash: string;
  duplicateOf: string | null;
  nearDuplicateOf: string | null;
  savedAt: string;
  /** Articles stored as near copies of this one. */
  nearCopies: { id: string; date: string | null; title: string | null; url: string | null }[];
}

/**
 * Search syntax: words, "quoted phrases", AND / OR / NOT in capitals (lower-case and/or/not are ordinary words),
 * `-word` for NOT, parentheses; adjacent terms are joined by AND, which binds tighter than OR.
 */
export interface SearchQuery extends CommonFilter { q: string }

export interface SearchHit {
  id: string;
  title: string | null;
  date: string | null;
  lang: string | null;
  /** Higher is better. */
  score: number;
  /** A sentence (or window) of the original body or title around the first hit. */
  snippet: string;
  /** Offsets of matched words inside `snippet`. */
  highlights: { start: number; end: number }[];
}

interface ArticleRef { articleId: string; date: string | null; lang: string | null; title: string | null }

export interface QuoteFilter extends CommonFilter { speaker?: string | string[]; direct?: boolean }
export interface StoredQuote extends ArticleRef {
  speaker: string | null;
  speakerId: string | null;
  text: string;
  direct: boolean;
  span: Span;
  rule: string | null;
}

export interface EventFilter extends CommonFilter {
  target?: string | string[];
  weapon?: string | string[];
  /** Include negated events (excluded by default). */
  includeNegated?: boolean;
}
export interface StoredEvent extends ArticleRef {
  type: EventType;
  actor: string | null;
  actorId: string | null;
  target: string | null;
  targetId: string | null;
  weapon: string | null;
  intensity: number;
  evidence: Span;
  cue: Span | null;
  negated: boolean;
  hypothetical: boolean;
  treaty: string | null;
  action: TreatyAction | null;
  when: string | null;
  rule: string | null;
}

export interface ClaimFilter extends CommonFilter { holder?: string | string[]; item?: ClaimItem | ClaimItem[] }
export interface StoredClaim extends ArticleRef {
  holder: string | null;
  holderId: string | null;
  quantity: number;
  approx: boolean;
  item: ClaimItem;
  source: string | null;
  evidence: Span;
  rule: string | null;
}

/** Entity rows per article; `actor` keeps articles that mention the actor (for co-mentions), like on articles. */
export interface EntityFilter extends CommonFilter { entityTypes?: EntityType[] }
export interface StoredEntity extends ArticleRef {
  type: EntityType;
  name: string;
  id: string | null;
  mentions: number;
}

export interface ActorFilter extends CommonFilter {
  /** Entity types counted as actors; default PERSON, ORG, LOC. */
  entityTypes?: EntityType[];
  sortBy?: 'mentions' | 'articles' | 'quotes' | 'events';
}
export interface ActorRank {
  name: string;
  id: string | null;
  type: EntityType | null;
  mentions: number;
  articles: number;
  quotes: number;
  events: number;
  maxIntensity: number | null;
}

export type Period = 'day' | 'week' | 'month';
export interface TimelineQuery {
  by: Period;
  actor?: string | string[];
  type?: EventType | EventType[];
  from?: string;
  to?: string;
  lang?: string | string[];
  relevantOnly?: boolean;
  includeNearCopies?: boolean;
  includeNegated?: boolean;
}
export interface TimelineBucket {
  /** "YYYY-MM-DD", ISO week "YYYY-Www" or "YYYY-MM". */
  period: string;
  /** First day of the period, "YYYY-MM-DD". */
  start: string;
  counts: Partial<Record<EventType, number>>;
  events: number;
  intensitySum: number;
  intensityMax: number | null;
  /** Articles dated in the period (date, lang and relevance filters only). */
  articles: number;
}
export interface Timeline {
  by: Period;
  buckets: TimelineBucket[];
  /** Events left out because their article's date is coarser than the period (or missing). */
  undated: number;
}

export interface StoreStats {
  articles: number;
  nearDuplicates: number;
  duplicates: number;
  /** The counts below leave out near copies. */
  relevant: number;
  entities: number;
  quotes: number;
  events: number;
  claims: number;
  eventsByType: Partial<Record<EventType, number>>;
  languages: Record<string, number>;
  firstDate: string | null;
  lastDate: string | null;
  /** Analyses per "pipeline/codebook" version pair. */
  versions: Record<string, number>;
}

export interface NearDuplicateCandidate { id: string; simhash: string; nearDuplicateOf: string | null }

/** A saved query (alerts): articles saved later that match it become alert hits. */
export interface WatchRule {
  id: string;
  name: string;
  /** The actor as the user typed it. */
  actor: string | null;
  /** Canonical names and codebook ids the actor resolved to when the rule was made. */
  actorKeys: string[];
  type: EventType | null;
  minIntensity: number | null;
  /** Words that must all occur in the title or body. */
  words: string | null;
  created: string;
}

/** One match of a watch rule: an article, or one event in it when `eventIndex` is set. */
export interface AlertHit {
  ruleId: string;
  articleId: string;
  eventIndex: number | null;
  date: string | null;
  title: string | null;
  type: EventType | null;
  actor: string | null;
  intensity: number | null;
  matchedAt: string;
}

/** The storage of articles and their analyses, behind which SQLite and PostgreSQL adapters sit. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  findByContentHash(hash: string): Promise<string | null>;
  findNearDuplicateCandidates(bands: string[]): Promise<NearDuplicateCandidate[]>;
  /** The stored body of an article (for confirming a near copy on its text), or null. */
  articleText(id: string): Promise<string | null>;
  saveArticle(input: SaveArticleInput): Promise<SaveResult>;
  /** Saves articles in order in one transaction (all or none), each as saveArticle would: the ingest's unit of commit. */
  saveArticles(inputs: readonly SaveArticleInput[]): Promise<SaveResult[]>;
  replaceAnalysis(id: string, analysis: Analysis, versions: Versions): Promise<void>;
  staleAnalyses(pipelineVersion: string, codebookVersion: string, limit: number, afterId?: string): Promise<string[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  listArticles(filter?: CommonFilter): Promise<Page<ArticleSummary>>;
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  quotes(filter?: QuoteFilter): Promise<Page<StoredQuote>>;
  events(filter?: EventFilter): Promise<Page<StoredEvent>>;
  claims(filter?: ClaimFilter): Promise<Page<StoredClaim>>;
  entities(filter?: EntityFilter): Promise<Page<StoredEntity>>;
  actors(filter?: ActorFilter): Promise<Page<ActorRank>>;
  timeline(query: TimelineQuery): Promise<Timeline>;
  stats(): Promise<StoreStats>;
  saveWatchRule(rule: WatchRule): Promise<void>;
  /** Rules, oldest first. */
  listWatchRules(): Promise<WatchRule[]>;
  /** Deletes a rule and its hits; false when there was none. */
  deleteWatchRule(id: string): Promise<boolean>;
  /** Saves hits, skipping ones already saved; returns how many were new. */
  saveAlertHits(hits: AlertHit[]): Promise<number>;
  /** A rule's hits, newest match first. */
  alertHits(ruleId: string, paging?: Paging): Promise<Page<AlertHit>>;
}

export interface OpenStoreOptions {
  /** SQLite file (default env GEIGER_DB, else ./geiger.db). */
  db?: string;
  /** postgres:// URL (default env GEIGER_DATABASE_URL). */
  url?: string;
  /** PostgreSQL schema to use (created when missing). */
  schema?: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Opens and migrates the store: PostgreSQL for a postgres:// URL, else the SQLite file. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.url && !POSTGRES_URL.test(options.url)) {
    throw new GeigerError('STORE_ERROR', `not a postgres:// URL: ${options.url.replace(/\/\/[^@/]*@/, '//…@')}`);
  }
  const url = options.url ?? process.env.GEIGER_DATABASE_URL;
  if (url && POSTGRES_URL.test(url)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore({ url, schema: options.schema });
  }
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js');
  return openSqliteStore(options.db ?? process.env.GEIGER_DB ?? './geiger.db');
}
