import type { Hono } from 'hono';
import { EVENT_TYPES } from '../../pipeline/analysis.js';
import type { CommonFilter, SearchQuery } from '../../store/store.js';
import type { Deps } from '../deps.js';
import { FILTERS, pageOf, parseQuery } from '../schemas.js';
import { commonFilter } from './filters.js';

/** Actors counted in the actor facet: the store's most mentioned ones. */
const FACET_ACTORS = 12;

export interface SearchFacets { lang: Record<string, number>; type: Record<string, number>; actor: Record<string, number> }

/**
 * Facet counts over all matches: per language, per event type and for the most mentioned actors. Each facet drops its
 * own filter, so the counts say what choosing another value would give.
 */
async function facets(d: Deps, q: string, filter: CommonFilter): Promise<SearchFacets> {
  const count = async (over: Partial<SearchQuery>): Promise<number> => (await d.store.search({ ...filter, q, ...over, limit: 0, offset: 0 })).total;
  const [stats, actors] = await Promise.all([d.store.stats(), d.store.actors({ limit: FACET_ACTORS })]);
  const out: SearchFacets = { lang: {}, type: {}, actor: {} };
  const put = (into: Record<string, number>, key: string, n: number) => { if (n > 0) into[key] = n; };
  for (const lang of Object.keys(stats.languages)) put(out.lang, lang, await count({ lang }));
  for (const type of EVENT_TYPES) put(out.type, type, await count({ type }));
  for (const a of actors.items) put(out.actor, a.name, await count({ actor: a.id ?? a.name }));
  return out;
}

/** GET /api/search: ranked full-text hits with snippets, highlights and facets. */
export function registerSearch(app: Hono, d: Deps): void {
  app.get('/api/search', async (c) => {
    const q = parseQuery(c, [...FILTERS, 'q'], ['q']);
    const filter = commonFilter(d, q);
    const page = await d.store.search({ ...filter, ...pageOf(q), q: q.q ?? '' });
    const empty: SearchFacets = { lang: {}, type: {}, actor: {} };
    return c.json({ ...page, facets: page.total > 0 ? await facets(d, q.q ?? '', filter) : empty });
  });
}
