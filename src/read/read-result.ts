import { GeigerError, type ErrorCode } from '../errors.js';
import type { Article } from './article.js';

/** One item a reader yields: an article, or the reason a file, line or record could not be read. */
export type ReadResult = { ok: true; article: Article } | { ok: false; error: GeigerError };

/** Wraps an article as a successful result. */
export function readOk(article: Article): ReadResult {
  return { ok: true, article };
}

/** Builds a failed result naming the file (and line) and the reason. */
export function readFail(code: ErrorCode, message: string, where: { file?: string; line?: number } = {}): ReadResult {
  return { ok: false, error: new GeigerError(code, message, where) };
}
