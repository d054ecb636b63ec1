import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { Codebook } from '../codebook/load.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';
import { createDeps } from './deps.js';
import { ApiError, errorResponse, sendError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { registerAlerts } from './routes/alerts.js';
import { registerAnalytics } from './routes/analytics.js';
import { registerArticles } from './routes/articles.js';
import { registerLists } from './routes/lists.js';
import { registerSearch } from './routes/search.js';
import { registerStats } from './routes/stats.js';
import { DEFAULT_WEB_DIR, staticHandler } from './static.js';

export interface AppOptions {
  store: Store;
  pipeline: Pipeline;
  codebook: Codebook;
  /** Bearer token that allows writes; without one, writes are refused. */
  token?: string;
  /** The built dashboard (default web/dist). */
  webDir?: string;
  /** Largest request body accepted (default 5 MB). */
  maxBodyBytes?: number;
  /** Server-side log for internal errors (default stderr). */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** The Geiger HTTP app: JSON API under /api, the OpenAPI document, Atom feeds and the dashboard. */
export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const d = createDeps(options.store, options.pipeline, options.codebook, log);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', CSP);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('X-Frame-Options', 'DENY');
  });
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
  });
  app.use('*', etag({ weak: true }));

  app.onError((error, c) => {
    const e = errorResponse(error);
    if (e.internal) log(`geiger serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? error.message}`);
    if (e.status === 401) c.header('WWW-Authenticate', 'Bearer');
    return sendError(c, e.status, e.code, e.message);
  });

  registerStats(app, d);
  registerArticles(app, d, { token: options.token, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });
  registerSearch(app, d);
  registerLists(app, d);
  registerAnalytics(app, d);
  registerAlerts(app, d, options.token);

  const openapi = openApiDocument(options.pipeline.version.pipeline);
  app.get('/openapi.json', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(openapi);
  });
  app.all('/api/*', () => {
    throw new ApiError(404, 'NOT_FOUND', 'no such API route; see /openapi.json');
  });
  const dashboard = staticHandler(options.webDir ?? DEFAULT_WEB_DIR);
  app.on(['GET', 'HEAD'], '*', dashboard);
  return app;
}
