import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { evaluateRules } from '../../alerts/evaluate.js';
import { commitPrepared, countOutcome, emptySummary, prepareArticle, type IngestOutcome } from '../../ingest/index.js';
import type { Article } from '../../read/article.js';
import { contentHash } from '../../read/index.js';
import type { ArticleSummary } from '../../store/store.js';
import { requireToken } from '../auth.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ArticleInputSchema, FILTERS, MAX_BATCH, pageOf, parseQuery, type ArticleInput } from '../schemas.js';
import { commonFilter } from './filters.js';

/** Options of the write routes. */
export interface WriteOptions { token?: string; maxBodyBytes: number }

function issueText(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0];
  return i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message;
}

function articleOf(input: ArticleInput): Article {
  return {
    id: input.id ?? `api-${contentHash(input.text).slice(0, 16)}`, date: input.date ?? null, text: input.text,
    ...(input.url ? { url: input.url } : {}), ...(input.lang ? { lang: input.lang } : {}), ...(input.title ? { title: input.title } : {}),
  };
}

/** The articles routes: list (with optional search), one article with its analysis, and ingest by POST. */
export function registerArticles(app: Hono, d: Deps, write: WriteOptions): void {
  app.get('/api/articles', async (c) => {
    const q = parseQuery(c, [...FILTERS, 'q']);
    const filter = { ...commonFilter(d, q), ...pageOf(q) };
    if (!q.q) return c.json(await d.store.listArticles(filter));
    const hits = await d.store.search({ ...filter, q: q.q });
    const items = await Promise.all(hits.items.map(async (h): Promise<ArticleSummary & { score: number; snippet: string }> => {
      const stored = await d.store.getArticle(h.id);
      const events = stored?.analysis.events ?? [];
      return {
        id: h.id, date: h.date, lang: h.lang, title: h.title, url: stored?.article.url ?? null,
        relevant: stored?.analysis.relevant ?? false, nearDuplicateOf: stored?.nearDuplicateOf ?? null,
        eventCount: events.length, maxIntensity: events.length ? Math.max(...events.map((e) => e.intensity)) : null,
        score: h.score, snippet: h.snippet,
      };
    }));
    return c.json({ total: hits.total, items });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const got = await d.store.getArticle(id);
    if (!got) throw new ApiError(404, 'NOT_FOUND', `no article with id ${JSON.stringify(id)}`);
    const a = got.article;
    return c.json({
      article: { id: a.id, date: a.date, lang: a.lang ?? got.analysis.lang ?? null, title: a.title ?? null, url: a.url ?? null, text: a.text },
      analysis: got.analysis,
      nearCopies: got.nearCopies,
      nearDuplicateOf: got.nearDuplicateOf,
    });
  });

  const tooLarge = (): never => {
    throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${write.maxBodyBytes} bytes`);
  };
  app.post('/api/articles', requireToken(write.token), bodyLimit({ maxSize: write.maxBodyBytes, onError: tooLarge }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'BAD_REQUEST', 'the body must be JSON: one article {date, text, …} or {articles: […]}');
    }
    const batch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'articles' in body;
    let items: unknown[];
    if (batch) {
      const list = (body as { articles: unknown }).articles;
      if (!Array.isArray(list)) throw new ApiError(400, 'BAD_REQUEST', 'articles must be an array');
      if (list.length > MAX_BATCH) throw new ApiError(400, 'BAD_REQUEST', `at most ${MAX_BATCH} articles per request, got ${list.length}`);
      items = list;
    } else {
      const one = ArticleInputSchema.safeParse(body);
      if (!one.success) throw new ApiError(400, 'BAD_REQUEST', `invalid article: ${issueText(one.error)}`);
      items = [body];
    }
    const summary = emptySummary();
    const ids: { id: string | null; outcome: IngestOutcome['kind'] }[] = [];
    const rules = await d.store.listWatchRules();
    let alertHits = 0;
    for (let i = 0; i < items.length; i++) {
      const parsed = ArticleInputSchema.safeParse(items[i]);
      if (!parsed.success) {
        countOutcome(summary, { kind: 'failed', failure: { file: 'request', record: i + 1, reason: issueText(parsed.error) } });
        ids.push({ id: null, outcome: 'failed' });
        continue;
      }
      const article = articleOf(parsed.data);
      const prepared = await prepareArticle(d.store, d.pipeline, article);
      const outcome = await commitPrepared(d.store, prepared);
      if (outcome.kind === 'failed') outcome.failure = { ...outcome.failure, file: 'request', record: i + 1 };
      countOutcome(summary, outcome);
      ids.push({ id: article.id, outcome: outcome.kind });
      if (outcome.kind === 'new' && prepared.kind === 'ready' && rules.length > 0) {
        alertHits += (await evaluateRules(d.store, article.id, prepared.analysis, { rules, text: article.text })).length;
      }
    }
    return c.json({ ...summary, alertHits, articles: ids });
  });
}
