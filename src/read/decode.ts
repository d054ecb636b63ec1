import { GeigerError } from '../errors.js';

const SNIFF_BYTES = 8192;

/** True when the first 8 KB hold a NUL byte, the mark of a binary file. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Decodes a whole text file strictly as UTF-8, or returns the BINARY / INVALID_UTF8 / EMPTY error naming the file. */
export function decodeText(bytes: Uint8Array, file: string): string | GeigerError {
  if (looksBinary(bytes)) return new GeigerError('BINARY', 'binary file (NUL bytes), not text', { file });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new GeigerError('INVALID_UTF8', 'not valid UTF-8', { file });
  }
  if (text.trim() === '') return new GeigerError('EMPTY', 'empty or whitespace-only', { file });
  return text;
}
