import type { Article } from './article.js';
import { normaliseDate } from './dates.js';
import { splitLines } from './lines.js';
import { readFail, readOk, type ReadResult } from './read-result.js';
import { parseSeedText } from './seed.js';
import { streamError } from './gzip.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads JSON Lines from a byte stream, one result per non-blank row; a bad row is an error naming file:line and the rest go on. */
export async function* readJsonl(source: AsyncIterable<Buffer | Uint8Array | string>, file: string, stem: string): AsyncGenerator<ReadResult> {
  let rows = 0;
  let lastLine = 0;
  try {
    for await (const { number, bytes } of splitLines(source)) {
      lastLine = number;
      if (number === 1 && bytes.includes(0)) {
        yield readFail('BINARY', 'binary data (NUL bytes), not JSON Lines', { file });
        return;
      }
      let line: string;
      try {
        line = decoder.decode(bytes);
      } catch {
        rows++;
        yield readFail('INVALID_UTF8', 'line is not valid UTF-8', { file, line: number });
        continue;
      }
      if (line.trim() === '') continue;
      rows++;
      yield parseJsonlRow(line, file, number, stem);
    }
  } catch (error) {
    yield { ok: false, error: streamError(error, file, `after line ${lastLine}`, lastLine + 1) };
    return;
  }
  if (rows === 0) yield readFail('EMPTY', 'no JSON rows', { file });
}

/** Parses one JSON Lines row into an Article, or a MALFORMED_JSON / MISSING_FIELD / EMPTY error with file and line. */
export function parseJsonlRow(line: string, file: string, lineNumber: number, stem: string): ReadResult {
  const where = { file, line: lineNumber };
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    return readFail('MALFORMED_JSON', `malformed JSON: ${(error as Error).message}`, where);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return readFail('MALFORMED_JSON', 'row is not a JSON object', where);
  }
  const fields = row as Record<string, unknown>;
  if (typeof fields.text !== 'string') return readFail('MISSING_FIELD', 'row has no "text" string', where);
  const { date: markerDate, body } = parseSeedText(fields.text);
  if (body.trim() === '') return readFail('EMPTY', 'row text is empty', where);
  const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? String(fields.id) : `${stem}:${lineNumber}`;
  const date = typeof fields.date === 'string' ? normaliseDate(fields.date) : null;
  const article: Article = { id, date: date ?? markerDate, text: body, origin: where };
  if (typeof fields.url === 'string') article.url = fields.url;
  if (typeof fields.lang === 'string') article.lang = fields.lang;
  if (typeof fields.title === 'string') article.title = fields.title;
  return readOk(article);
}
