/** Stable error codes shared by the CLI and the HTTP layer (which maps them to statuses in one place). */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'UNREADABLE'
  | 'BINARY'
  | 'INVALID_UTF8'
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'MALFORMED_JSON'
  | 'MISSING_FIELD'
  | 'UNSUPPORTED_FORMAT'
  | 'TRUNCATED'
  | 'NO_TEXT'
  | 'MALFORMED_XML'
  | 'CODEBOOK_INVALID'
  | 'PIPELINE_INVALID'
  | 'STORE_ERROR'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'USAGE';

/** An error with a stable code and, where it concerns input, the place it was found. */
export class GeigerError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;

  constructor(code: ErrorCode, message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'GeigerError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
  }

  /** "file:line: message", the form the CLI prints. */
  describe(): string {
    const place = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${place}${this.message}`;
  }
}
