import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** The parts of a recorded HTTP response a reader needs. */
export interface HttpPayload {
  status: number;
  contentType: string;
  charset: string | null;
  body: Uint8Array;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/** Splits a raw HTTP response (as stored in a WARC response record) into status, content type and decoded body. */
export function parseHttpResponse(block: Uint8Array): HttpPayload | null {
  const bytes = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  let end = bytes.indexOf(CRLFCRLF);
  let skip = 4;
  if (end === -1) {
    end = bytes.indexOf('\n\n');
    skip = 2;
  }
  if (end === -1) return null;
  const lines = bytes.subarray(0, end).toString('latin1').split(/\r?\n/);
  const status = Number(/^HTTP\/\S+\s+(\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
  if (Number.isNaN(status)) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body: Uint8Array = bytes.subarray(end + skip);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  body = decompress(body, (headers.get('content-encoding') ?? '').toLowerCase());
  const contentType = headers.get('content-type') ?? '';
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
  return { status, contentType: contentType.split(';')[0].trim().toLowerCase(), charset, body };
}

function dechunk(body: Uint8Array): Uint8Array {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const parts: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return parts.length ? Buffer.concat(parts) : body;
}

function decompress(body: Uint8Array, encoding: string): Uint8Array {
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body);
    if (encoding === 'deflate') return inflateSync(body);
    if (encoding === 'br') return brotliDecompressSync(body);
  } catch {
    return body;
  }
  return body;
}
