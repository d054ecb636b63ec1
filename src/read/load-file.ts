import { readFile, stat } from 'node:fs/promises';
import { GeigerError } from '../errors.js';

/** Reads a file whole after checking with stat that it is no larger than maxBytes. */
export async function loadFile(file: string, maxBytes: number): Promise<Buffer | GeigerError> {
  try {
    const info = await stat(file);
    if (info.size > maxBytes) {
      return new GeigerError('TOO_LARGE', `file is ${info.size} bytes, over the limit of ${maxBytes}`, { file });
    }
    return await readFile(file);
  } catch (error) {
    return fsError(error, file);
  }
}

/** Maps a Node file-system error to NOT_FOUND or UNREADABLE. */
export function fsError(error: unknown, file: string): GeigerError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new GeigerError('NOT_FOUND', 'no such file or directory', { file });
  return new GeigerError('UNREADABLE', `cannot read: ${(error as Error).message}`, { file });
}
