import type { Analysis } from '../pipeline/analysis.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import { htmlToArticle, parseFeed } from '../read/index.js';
import { ingestArticle } from '../ingest/ingest-one.js';
import { countOutcome, emptySummary, type IngestSummary } from '../ingest/outcome.js';
import type { Store } from '../store/store.js';
import { feedItems, type FeedItem } from './feed-items.js';
import { loadFollowState, markSeen, saveFollowState, type FeedState, type FollowState } from './feed-state.js';
import { FetchFailure, type PoliteFetcher } from './polite-fetcher.js';

/** What one round did with one feed. */
export interface FeedReport {
  feed: string;
  status: 'ok' | 'not-modified' | 'failed';
  /** Items in the feed, and those skipped because they were already handled. */
  items: number;
  known: number;
  summary: IngestSummary;
  error?: string;
}

export interface FollowOptions {
  fetcher: PoliteFetcher;
  /** JSON state file (ETag, Last-Modified, seen items per feed); null keeps state in memory only. */
  statePath: string | null;
  /** State to use when there is no file (kept between rounds by the caller). */
  state?: FollowState;
  log?: (message: string) => void;
  /** Called after an item is stored as new, e.g. to evaluate watch rules. */
  onStored?: (article: Article, analysis: Analysis) => Promise<void>;
}

/** Polls each feed once: conditional GET, then fetches, extracts and ingests every item not handled before. One failing feed does not stop the others. */
export async function followRound(store: Store, pipeline: Pipeline, feeds: string[], options: FollowOptions): Promise<FeedReport[]> {
  const state = options.statePath ? loadFollowState(options.statePath) : options.state ?? { feeds: {} };
  const reports: FeedReport[] = [];
  for (const feed of feeds) {
    const feedState = (state.feeds[feed] ??= {});
    let report: FeedReport;
    try {
      report = await pollFeed(store, pipeline, feed, feedState, options);
      feedState.lastError = undefined;
    } catch (error) {
      const message = (error as Error).message;
      report = { feed, status: 'failed', items: 0, known: 0, summary: emptySummary(), error: message };
      feedState.lastError = message;
    }
    feedState.lastPolled = new Date().toISOString();
    if (options.statePath) saveFollowState(options.statePath, state);
    options.log?.(describeReport(report));
    reports.push(report);
  }
  return reports;
}

async function pollFeed(store: Store, pipeline: Pipeline, feed: string, feedState: FeedState, options: FollowOptions): Promise<FeedReport> {
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5' };
  if (feedState.etag) headers['if-none-match'] = feedState.etag;
  if (feedState.lastModified) headers['if-modified-since'] = feedState.lastModified;
  const got = await options.fetcher.get(feed, headers);
  const summary = emptySummary();
  if (got.status === 304) return { feed, status: 'not-modified', items: 0, known: 0, summary };
  if (got.status < 200 || got.status >= 300) throw new Error(`feed answered HTTP ${got.status}`);
  const items = feedItems(got.text, feed);
  const fallbacks = feedTexts(got.text, feed);
  const seen = new Set(feedState.seen ?? []);
  const handled: string[] = [];
  let known = 0;
  let transient = false;
  for (const item of items) {
    if (seen.has(item.id) || (await store.getArticle(item.id)) !== null) { known++; continue; }
    const article = await itemArticle(item, fallbacks.get(item.record), options.fetcher);
    if (!article.ok) {
      summary.read++;
      summary.failed.push({ file: item.link ?? feed, record: item.record, reason: article.reason });
      transient ||= article.transient;
      continue;
    }
    const outcome = await ingestArticle(store, pipeline, article.article, options.onStored);
    countOutcome(summary, outcome);
    if (outcome.kind !== 'failed') handled.push(item.id);
  }
  markSeen(feedState, handled);
  if (!transient) {
    feedState.etag = got.headers.get('etag') ?? undefined;
    feedState.lastModified = got.headers.get('last-modified') ?? undefined;
  }
  return { feed, status: 'ok', items: items.length, known, summary };
}

type ItemResult = { ok: true; article: Article } | { ok: false; reason: string; transient: boolean };

/** The item's page as an article; when the page is gone (4xx) or robots.txt forbids it, the feed's own text. */
async function itemArticle(item: FeedItem, fallback: Article | undefined, fetcher: PoliteFetcher): Promise<ItemResult> {
  const origin = { file: item.link ?? item.id, record: item.record };
  const useFeedText = (reason: string): ItemResult =>
    fallback ? { ok: true, article: { ...fallback, id: item.id, ...(item.link ? { url: item.link } : {}) } } : { ok: false, reason, transient: false };
  if (!item.link) return useFeedText('item has no link and no text');
  let page;
  try {
    page = await fetcher.get(item.link, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
  } catch (error) {
    if (error instanceof FetchFailure && !error.transient) return useFeedText(error.message);
    return { ok: false, reason: (error as Error).message, transient: true };
  }
  if (page.status < 200 || page.status >= 300) return useFeedText(`page answered HTTP ${page.status}`);
  const read = htmlToArticle(page.text, { origin, url: item.link, id: item.id, date: item.date });
  if (!read.ok) return useFeedText(read.error.message);
  const article = read.article;
  if (!article.title && item.title) article.title = item.title;
  return { ok: true, article };
}

function feedTexts(xml: string, feed: string): Map<number, Article> {
  const out = new Map<number, Article>();
  for (const result of parseFeed(xml, feed)) {
    if (result.ok && result.article.origin?.record) out.set(result.article.origin.record, result.article);
  }
  return out;
}

/** One log line for a feed report. */
export function describeReport(r: FeedReport): string {
  if (r.status === 'failed') return `${r.feed}: failed: ${r.error}`;
  if (r.status === 'not-modified') return `${r.feed}: not modified`;
  const s = r.summary;
  const failures = s.failed.map((f) => `\n  ${f.file}: ${f.reason}`).join('');
  return `${r.feed}: ${r.items} items, ${r.known} known, ${s.new} new, ${s.nearDuplicates} near-duplicates, ${s.duplicates} duplicates, ${s.failed.length} failed${failures}`;
}
