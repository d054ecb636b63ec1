import { decodeHtml } from './decode-html.js';
import { decodeText, looksBinary } from './decode.js';
import { parseFeed } from './feed-reader.js';
import { htmlToArticle } from './html-reader.js';
import { readJsonl } from './jsonl-reader.js';
import { readFail, readOk, type ReadResult } from './read-result.js';
import { sniffFormat } from './format.js';
import { textToArticle } from './text-reader.js';

/** How to interpret a file's bytes once read whole. */
export interface WholeInput {
  file: string;
  stem: string;
  format: 'text' | 'html' | 'feed' | 'unknown';
  date: string | null;
}

/** Turns the bytes of a whole file (text, HTML, feed, or unknown and sniffed) into results. */
export async function* readWhole(bytes: Buffer, input: WholeInput): AsyncGenerator<ReadResult> {
  const { file, stem } = input;
  if (input.format === 'html') {
    if (looksBinary(bytes)) return yield readFail('BINARY', 'binary file (NUL bytes), not HTML', { file });
    const html = decodeHtml(bytes);
    if (html.trim() === '') return yield readFail('EMPTY', 'empty or whitespace-only', { file });
    return yield htmlToArticle(html, { origin: { file }, id: stem });
  }
  const text = decodeText(bytes, file);
  if (typeof text !== 'string') return yield { ok: false, error: text };
  const format = input.format === 'unknown' ? sniffFormat(text) : input.format;
  if (format === 'feed') return yield* parseFeed(text, file);
  if (format === 'html') return yield htmlToArticle(text, { origin: { file }, id: stem });
  if (format === 'jsonl') return yield* readJsonl(oneChunk(bytes), file, stem);
  const article = textToArticle(text, stem, file, input.date);
  if (article.text.trim() === '') return yield readFail('EMPTY', 'no text after the date marker', { file });
  yield readOk(article);
}

async function* oneChunk(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}
