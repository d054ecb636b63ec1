import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { GeigerError } from '../errors.js';
import { fsError } from './load-file.js';

/** Opens a gzip file as a stream of decompressed bytes (multi-member files included); errors surface while iterating. */
export function openGunzip(file: string): Readable {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  return input.pipe(gunzip);
}

/** True for the first bytes of a gzip stream. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Maps an error met while streaming a file to TRUNCATED (cut-off gzip), UNREADABLE (corrupt gzip) or a file-system error. */
export function streamError(error: unknown, file: string, place: string, line?: number): GeigerError {
  const err = error as NodeJS.ErrnoException;
  if (err instanceof GeigerError) return err;
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message)) {
    return new GeigerError('TRUNCATED', `truncated gzip data ${place}`, { file, line });
  }
  if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return new GeigerError('UNREADABLE', `corrupt gzip data ${place}: ${err.message}`, { file, line });
  }
  return fsError(error, file);
}
