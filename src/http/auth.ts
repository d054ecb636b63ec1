import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Guards writes: refused (403) when no token is configured, 401 without the right `Authorization: Bearer` token. */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw new ApiError(403, 'FORBIDDEN', 'writes are disabled: start the server with GEIGER_TOKEN set to allow them');
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new ApiError(401, 'UNAUTHORIZED', 'writes need an "Authorization: Bearer <token>" header');
    if (!sameToken(match[1], token)) throw new ApiError(401, 'UNAUTHORIZED', 'wrong token');
    await next();
  };
}
