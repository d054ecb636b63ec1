/** Options for reading sources. */
export interface ReadOptions {
  /** Date ("YYYY-MM" or "YYYY-MM-DD") for plain text files without a date marker. */
  date?: string;
  /** Largest file read whole (text, HTML, feeds, stdin that is not JSON Lines); default 50 MB. Streamed formats have no limit. */
  maxBytes?: number;
  /** Stream read for the path "-"; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

/** Default limit for files read whole. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
