import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/** Where the dashboard's build lands (`web/dist` beside `src` and `dist`). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
/** Build tools put a content hash in asset names ("index-BdH3k9aZ.js"): those never change, so cache them long. */
const HASHED = /[.-][A-Za-z0-9_]{8,}\.[a-z0-9]+$/;
const LONG_CACHE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Geiger</title></head>
<body><h1>Geiger</h1><p>The dashboard is not built yet. Build it with <code>npm run build</code> in <code>web/</code>
(or the project's build script), then reload. The JSON API answers at <a href="/api/stats">/api/stats</a>
and is described at <a href="/openapi.json">/openapi.json</a>.</p></body></html>
`;

async function fileAt(root: string, path: string): Promise<string | null> {
  const full = resolve(root, `.${path}`);
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

/** Serves the built dashboard from `root`; paths without a file fall back to index.html for client-side routes. */
export function staticHandler(root: string) {
  const dir = resolve(root);
  return async (c: Context): Promise<Response> => {
    if (!existsSync(join(dir, 'index.html'))) {
      c.header('Cache-Control', 'no-cache');
      return c.html(NOT_BUILT);
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('bad path', 400);
    }
    if (path.includes('\0')) return c.text('bad path', 400);
    const file = path.endsWith('/') ? null : await fileAt(dir, path);
    if (!file && TYPES[extname(path).toLowerCase()] !== undefined) {
      c.header('Cache-Control', 'no-cache');
      return c.text('not found', 404);
    }
    const target = file ?? join(dir, 'index.html');
    const body = await readFile(target);
    const name = target.slice(dir.length);
    c.header('Content-Type', TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream');
    c.header('Cache-Control', file && HASHED.test(name) && !name.endsWith('.html') ? LONG_CACHE : 'no-cache');
    return c.req.method === 'HEAD' ? c.body(null) : c.body(new Uint8Array(body));
  };
}
