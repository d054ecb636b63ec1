import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { renderAtomFeed } from '../../alerts/atom.js';
import { WatchRuleInputSchema, createWatchRule } from '../../alerts/rules.js';
import type { AlertHit, WatchRule } from '../../store/store.js';
import { requireToken } from '../auth.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { pageOf, parseQuery } from '../schemas.js';

/** Hits shown in a rule's Atom feed. */
const FEED_SIZE = 100;
const RULE_BODY_BYTES = 16 * 1024;

/** A rule as the API shows it: unset fields left out. */
export function ruleJson(r: WatchRule) {
  return {
    id: r.id, name: r.name, ...(r.actor ? { actor: r.actor } : {}), ...(r.type ? { type: r.type } : {}),
    ...(r.minIntensity !== null ? { minIntensity: r.minIntensity } : {}), ...(r.words ? { words: r.words } : {}), created: r.created,
  };
}

function hitJson(h: AlertHit) {
  return {
    ruleId: h.ruleId, articleId: h.articleId, ...(h.eventIndex !== null ? { eventIndex: h.eventIndex } : {}), date: h.date,
    title: h.title, ...(h.type ? { type: h.type } : {}), ...(h.actor ? { actor: h.actor } : {}),
    ...(h.intensity !== null ? { intensity: h.intensity } : {}), matchedAt: h.matchedAt,
  };
}

async function ruleOr404(d: Deps, id: string): Promise<WatchRule> {
  const rule = (await d.store.listWatchRules()).find((r) => r.id === id);
  if (!rule) throw new ApiError(404, 'NOT_FOUND', `no watch rule with id ${JSON.stringify(id)}`);
  return rule;
}

/** Watch rules (list, create, delete), their hits, and each rule's Atom feed at /alerts/ID.atom. */
export function registerAlerts(app: Hono, d: Deps, token: string | undefined): void {
  app.get('/api/alerts/rules', async (c) => c.json((await d.store.listWatchRules()).map(ruleJson)));

  const tooLarge = (): never => {
    throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `a watch rule body must be under ${RULE_BODY_BYTES} bytes`);
  };
  app.post('/api/alerts/rules', requireToken(token), bodyLimit({ maxSize: RULE_BODY_BYTES, onError: tooLarge }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError(400, 'BAD_REQUEST', 'the body must be JSON: {name, actor?, type?, minIntensity?, words?}');
    }
    const parsed = WatchRuleInputSchema.safeParse(body);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new ApiError(400, 'BAD_REQUEST', `invalid watch rule: ${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`);
    }
    const rule = createWatchRule(d.codebook, parsed.data);
    await d.store.saveWatchRule(rule);
    return c.json(ruleJson(rule), 201);
  });

  app.delete('/api/alerts/rules/:id', requireToken(token), async (c) => {
    const id = c.req.param('id');
    if (!(await d.store.deleteWatchRule(id))) throw new ApiError(404, 'NOT_FOUND', `no watch rule with id ${JSON.stringify(id)}`);
    return c.body(null, 204);
  });

  app.get('/api/alerts/rules/:id/hits', async (c) => {
    const q = parseQuery(c, ['limit', 'offset']);
    const rule = await ruleOr404(d, c.req.param('id'));
    const page = await d.store.alertHits(rule.id, pageOf(q));
    return c.json({ total: page.total, items: page.items.map(hitJson) });
  });

  app.get('/alerts/:file{[^/]+\\.atom}', async (c) => {
    const id = c.req.param('file').slice(0, -'.atom'.length);
    const rule = await ruleOr404(d, id);
    const hits = await d.store.alertHits(rule.id, { limit: FEED_SIZE });
    const origin = new URL(c.req.url).origin;
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(renderAtomFeed(rule, hits.items, origin));
  });
}
