import { createReadStream } from 'node:fs';
import { WARCParser, type WARCRecord } from 'warcio';
import { GeigerError } from '../errors.js';
import { decodeHtml } from './decode-html.js';
import { openGunzip, streamError } from './gzip.js';
import { htmlToArticle } from './html-reader.js';
import { normaliseDate } from './dates.js';
import { parseHttpResponse } from './http-payload.js';
import type { ReadResult } from './read-result.js';

/** Streams a WARC or WARC.gz file: each HTML response record becomes an Article; a cut-off file ends with a TRUNCATED error naming the record. */
export async function* readWarc(file: string, gzipped: boolean): AsyncGenerator<ReadResult> {
  const source = gzipped ? openGunzip(file) : createReadStream(file);
  const parser = new WARCParser(source, { parseHttp: false });
  let record = 0;
  try {
    for (;;) {
      record++;
      const entry = await parser.parse();
      if (!entry) break;
      const result = await recordToResult(entry, file, record);
      if (result) yield result;
    }
  } catch (error) {
    yield { ok: false, error: truncated(streamError(error, file, `in record ${record}`), record) };
    return;
  } finally {
    source.destroy();
  }
  if (record === 1) yield { ok: false, error: new GeigerError('EMPTY', 'no WARC records', { file }) };
}

async function recordToResult(entry: WARCRecord, file: string, record: number): Promise<ReadResult | null> {
  const block = await entry.readFully(false);
  if (block.byteLength < entry.warcContentLength) {
    const error = new GeigerError('TRUNCATED', `truncated WARC: record ${record} has ${block.byteLength} of ${entry.warcContentLength} bytes`, { file });
    return { ok: false, error };
  }
  if (entry.warcType !== 'response' && entry.warcType !== 'resource') return null;
  const url = entry.warcTargetURI ?? undefined;
  let html: string;
  let charset: string | null = null;
  if (entry.warcType === 'response') {
    const payload = parseHttpResponse(block);
    if (!payload || payload.status < 200 || payload.status >= 300 || !isHtml(payload.contentType)) return null;
    charset = payload.charset;
    html = decodeHtml(payload.body, charset);
  } else {
    if (!isHtml((entry.warcContentType ?? '').toLowerCase())) return null;
    html = decodeHtml(block);
  }
  return htmlToArticle(html, { origin: { file, record }, url, date: normaliseDate(entry.warcDate) });
}

function isHtml(contentType: string): boolean {
  return contentType.startsWith('text/html') || contentType.startsWith('application/xhtml');
}

function truncated(error: GeigerError, record: number): GeigerError {
  if (error.code !== 'TRUNCATED') return error;
  return new GeigerError('TRUNCATED', `truncated WARC.gz: record ${record} is cut off`, { file: error.file });
}
