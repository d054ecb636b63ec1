import type { Hono } from 'hono';
import type { Store } from '../../store/store.js';
import type { Deps } from '../deps.js';

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

async function countSources(store: Store): Promise<Record<string, number>> {
  const all = await store.listArticles({ includeNearCopies: true });
  const counts: Record<string, number> = {};
  for (const a of all.items) {
    const host = hostOf(a.url);
    if (host) counts[host] = (counts[host] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])));
}

/** GET /api/stats: what the store holds. Source hosts are recounted only when the article count changes. */
export function registerStats(app: Hono, d: Deps): void {
  let sources: { articles: number; counts: Promise<Record<string, number>> } | null = null;
  app.get('/api/stats', async (c) => {
    const s = await d.store.stats();
    if (!sources || sources.articles !== s.articles) {
      const counts = countSources(d.store).catch((error: unknown) => { sources = null; throw error; });
      sources = { articles: s.articles, counts };
    }
    return c.json({
      articles: s.articles, nearCopies: s.nearDuplicates, duplicates: s.duplicates, relevant: s.relevant, entities: s.entities,
      events: s.events, quotes: s.quotes, claims: s.claims, eventsByType: s.eventsByType, languages: s.languages,
      sources: await sources.counts, first: s.firstDate, last: s.lastDate, versions: s.versions,
    });
  });
}
