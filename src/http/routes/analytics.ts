import type { Hono } from 'hono';
import { actorProfile } from '../../analytics/actor-profile.js';
import { storiesFromStore, type Story } from '../../analytics/stories.js';
import { timelineWithIndex } from '../../analytics/timeline.js';
import { treatyStatusFromStore } from '../../analytics/treaty-status.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { pageOf, parseQuery } from '../schemas.js';

/** The routes built on src/analytics: actor profile, timeline with escalation index, treaties, stories. */
export function registerAnalytics(app: Hono, d: Deps): void {
  app.get('/api/actors/:name', async (c) => {
    const q = parseQuery(c, ['limit']);
    const name = c.req.param('name');
    const p = await actorProfile(d.store, d.codebook, name, { limit: pageOf(q).limit });
    const known = p.ids.length > 0 || p.counts.mentions > 0 || p.counts.quotes > 0 || p.counts.eventsAsActor > 0 || p.counts.eventsAsTarget > 0;
    if (!known) throw new ApiError(404, 'NOT_FOUND', `no actor ${JSON.stringify(name)} in the codebook or the store`);
    return c.json({
      name: p.name, ...(p.ids[0] ? { id: p.ids[0] } : {}), ids: p.ids, type: p.type, aliases: p.aliases, adjectives: p.adjectives,
      counts: { ...p.counts, events: p.counts.eventsAsActor },
      quotes: p.quotes, eventsAsActor: p.eventsAsActor, eventsAsTarget: p.eventsAsTarget, coMentions: p.coMentions,
      network: {
        nodes: p.network.nodes.map((n) => ({ id: n.key, name: n.name, type: n.type, weight: n.articles })),
        edges: p.network.edges,
      },
    });
  });

  app.get('/api/timeline', async (c) => {
    const q = parseQuery(c, ['by', 'actor', 'type', 'from', 'to', 'lang']);
    const t = await timelineWithIndex(d.store, { by: q.by ?? 'month', actor: d.resolve(q.actor), type: q.type, from: q.from, to: q.to, lang: q.lang });
    return c.json({
      by: t.by,
      undated: t.undated,
      periods: t.buckets.map((b) => ({
        period: b.period, start: b.start, counts: b.counts, total: b.events, articles: b.articles, escalation: b.index,
        heat: b.heat, relief: b.relief, intensitySum: b.intensitySum, intensityMax: b.intensityMax,
      })),
    });
  });

  app.get('/api/treaties', async (c) => {
    const q = parseQuery(c, ['from', 'to', 'lang', 'actor']);
    const list = await treatyStatusFromStore(d.store, { from: q.from, to: q.to, lang: q.lang, actor: d.resolve(q.actor) });
    return c.json(list.map((t) => ({
      treaty: t.treaty, status: t.status, latest: t.latest, byActor: t.byActor,
      events: t.acts,
    })));
  });

  const storyCache = new Map<string, { articles: number; stories: Promise<Story[]> }>();
  app.get('/api/stories', async (c) => {
    const q = parseQuery(c, ['from', 'to', 'lang', 'limit', 'offset']);
    const filter = { from: q.from, to: q.to, lang: q.lang };
    const key = JSON.stringify(filter);
    const articles = (await d.store.stats()).articles;
    let cached = storyCache.get(key);
    if (!cached || cached.articles !== articles) {
      if (storyCache.size > 32) storyCache.clear();
      const stories = storiesFromStore(d.store, filter).catch((error: unknown) => { storyCache.delete(key); throw error; });
      cached = { articles, stories };
      storyCache.set(key, cached);
    }
    const all = await cached.stories;
    const { limit, offset } = pageOf(q);
    return c.json({ total: all.length, items: all.slice(offset, offset + limit) });
  });
}
