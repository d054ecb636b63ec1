import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { GeigerError, type ErrorCode } from '../errors.js';

/** The error codes clients see. */
export type ApiErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL';

/** An error raised by the HTTP layer itself, with the status and code to answer with. */
export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** How each GeigerError code reaches a client: the one place codes become statuses. */
const BY_CODE: Record<ErrorCode, [ContentfulStatusCode, ApiErrorCode]> = {
  NOT_FOUND: [404, 'NOT_FOUND'],
  UNREADABLE: [400, 'BAD_REQUEST'],
  BINARY: [400, 'BAD_REQUEST'],
  INVALID_UTF8: [400, 'BAD_REQUEST'],
  EMPTY: [400, 'BAD_REQUEST'],
  TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  MALFORMED_JSON: [400, 'BAD_REQUEST'],
  MISSING_FIELD: [400, 'BAD_REQUEST'],
  UNSUPPORTED_FORMAT: [400, 'BAD_REQUEST'],
  TRUNCATED: [400, 'BAD_REQUEST'],
  NO_TEXT: [400, 'BAD_REQUEST'],
  MALFORMED_XML: [400, 'BAD_REQUEST'],
  BAD_REQUEST: [400, 'BAD_REQUEST'],
  USAGE: [400, 'BAD_REQUEST'],
  UNAUTHORIZED: [401, 'UNAUTHORIZED'],
  CODEBOOK_INVALID: [500, 'INTERNAL'],
  PIPELINE_INVALID: [500, 'INTERNAL'],
  STORE_ERROR: [500, 'INTERNAL'],
};

/** The status and body for any thrown value; internal details stay out of the body. */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; code: ApiErrorCode; message: string; internal: boolean } {
  if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message, internal: false };
  if (error instanceof GeigerError) {
    const [status, code] = BY_CODE[error.code] ?? [500, 'INTERNAL'];
    const internal = status >= 500;
    return { status, code, message: internal ? 'internal error; see the server log' : error.describe(), internal };
  }
  return { status: 500, code: 'INTERNAL', message: 'internal error; see the server log', internal: true };
}

/** Answers with the error body of the contract: { error: { code, message } }. */
export function sendError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: { code, message } }, status);
}
