import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { streamError, isGzip } from './gzip.js';
import { readJsonl } from './jsonl-reader.js';
import { readFail, type ReadResult } from './read-result.js';
import { readWhole } from './read-whole.js';

const ORIGIN = '<stdin>';

/** Reads standard input: JSON Lines are streamed row by row, anything else (seed, plain text, HTML, feed) is read whole up to maxBytes. */
export async function* readStdin(stream: NodeJS.ReadableStream, maxBytes: number, date: string | null): AsyncGenerator<ReadResult> {
  let source: AsyncIterable<Buffer> = toBuffers(stream);
  let peeked = await peek(source);
  if (peeked.head.length === 0) return yield readFail('EMPTY', 'standard input is empty', { file: ORIGIN });
  if (isGzip(peeked.head)) {
    source = Readable.from(peeked.rest).pipe(createGunzip());
    peeked = await peek(source);
  }
  if (firstNonSpace(peeked.head) === 0x7b) return yield* readJsonl(peeked.rest, ORIGIN, 'stdin');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of peeked.rest) {
      size += chunk.length;
      if (size > maxBytes) return yield readFail('TOO_LARGE', `standard input is over the limit of ${maxBytes} bytes`, { file: ORIGIN });
      chunks.push(chunk);
    }
  } catch (error) {
    return yield { ok: false, error: streamError(error, ORIGIN, 'on standard input') };
  }
  yield* readWhole(Buffer.concat(chunks), { file: ORIGIN, stem: 'stdin', format: 'unknown', date });
}

async function* toBuffers(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream as AsyncIterable<Buffer | string>) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

async function peek(source: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let head = Buffer.alloc(0);
  let done = false;
  try {
    while (!done && firstNonSpace(head) === -1) {
      const next = await iterator.next();
      if (next.done) done = true;
      else {
        seen.push(next.value);
        head = Buffer.concat([head, next.value]);
      }
    }
  } catch (error) {
    seen.push(Buffer.alloc(0));
    return { head, rest: replay(seen, iterator, error) };
  }
  return { head, rest: replay(seen, done ? null : iterator) };
}

async function* replay(seen: Buffer[], iterator: AsyncIterator<Buffer> | null, error?: unknown): AsyncGenerator<Buffer> {
  yield* seen;
  if (error !== undefined) throw error;
  if (!iterator) return;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

function firstNonSpace(bytes: Buffer): number {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return byte;
  return -1;
}
