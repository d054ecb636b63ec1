import { stat } from 'node:fs/promises';
import { GeigerError } from '../errors.js';
import { fsError } from './load-file.js';
import { readFile } from './read-file.js';
import { DEFAULT_MAX_BYTES, type ReadOptions } from './read-options.js';
import type { ReadResult } from './read-result.js';
import { readStdin } from './stdin-reader.js';
import { listFiles } from './walk.js';

const PARTIAL_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Reads files, directories (recursive, sorted by path) and '-' (stdin), yielding one result per article or per failure. */
export async function* readSources(paths: string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const date = options.date ?? null;
  if (date !== null && !PARTIAL_DATE.test(date)) throw new GeigerError('USAGE', `date must be YYYY-MM or YYYY-MM-DD, got "${date}"`);
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(options.stdin ?? process.stdin, maxBytes, date);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      yield { ok: false, error: fsError(error, path) };
      continue;
    }
    if (!isDirectory) {
      yield* readFile(path, maxBytes, date, true);
      continue;
    }
    const { files, errors } = await listFiles(path);
    for (const error of errors) yield { ok: false, error };
    for (const file of files) yield* readFile(file, maxBytes, date, false);
  }
}
