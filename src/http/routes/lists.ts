import type { Hono } from 'hono';
import { claimsBalance, claimsLedger } from '../../analytics/claims-ledger.js';
import type { Deps } from '../deps.js';
import { FILTERS, MAX_LIMIT, pageOf, parseQuery } from '../schemas.js';
import { commonFilter } from './filters.js';

/** The list routes straight over the store: quotes, events, claims (with the ledger) and actors. */
export function registerLists(app: Hono, d: Deps): void {
  app.get('/api/quotes', async (c) => {
    const q = parseQuery(c, [...FILTERS, 'speaker', 'direct']);
    return c.json(await d.store.quotes({ ...commonFilter(d, q), ...pageOf(q), speaker: d.resolve(q.speaker), direct: q.direct }));
  });

  app.get('/api/events', async (c) => {
    const q = parseQuery(c, [...FILTERS, 'target']);
    return c.json(await d.store.events({ ...commonFilter(d, q), ...pageOf(q), target: d.resolve(q.target) }));
  });

  app.get('/api/claims', async (c) => {
    const q = parseQuery(c, [...FILTERS, 'holder', 'item']);
    const all = await d.store.claims({ ...commonFilter(d, q), holder: d.resolve(q.holder), item: q.item });
    const offset = q.offset ?? 0;
    const entries = all.items.slice(offset, offset + (q.limit ?? MAX_LIMIT));
    const groups = claimsLedger(all.items);
    const balance = claimsBalance(all.items).map((row) => ({
      item: row.item,
      holders: row.holders.map((h) => ({
        holder: h.holder, holderId: h.holderId, quantity: h.latest.quantity, approx: h.latest.approx, date: h.latest.date,
        articleId: h.latest.articleId, source: h.latest.source, title: h.latest.title,
      })),
    }));
    return c.json({ total: all.total, entries, groups, balance });
  });

  app.get('/api/actors', async (c) => {
    const q = parseQuery(c, FILTERS);
    const page = await d.store.actors({ ...commonFilter(d, q), ...pageOf(q) });
    return c.json({
      total: page.total,
      items: page.items.map((a) => ({
        name: a.name, ...(a.id ? { id: a.id } : {}), type: a.type, mentions: a.mentions, articles: a.articles,
        quotes: a.quotes, events: a.events, maxIntensity: a.maxIntensity,
      })),
    });
  });
}
