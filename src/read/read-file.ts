import { createReadStream } from 'node:fs';
import { fileStem, formatFromName } from './format.js';
import { openGunzip } from './gzip.js';
import { readJsonl } from './jsonl-reader.js';
import { loadFile } from './load-file.js';
import type { ReadResult } from './read-result.js';
import { readWarc } from './warc-reader.js';
import { readWhole } from './read-whole.js';

/** Reads one file in the format its name (or, failing that, its content) shows; `skip` files yield nothing unless named explicitly. */
export async function* readFile(file: string, maxBytes: number, date: string | null, explicit: boolean): AsyncGenerator<ReadResult> {
  const named = formatFromName(file);
  if (named === 'skip' && !explicit) return;
  const stem = fileStem(file);
  if (named === 'jsonl') return yield* readJsonl(createReadStream(file), file, stem);
  if (named === 'jsonl-gz') return yield* readJsonl(openGunzip(file), file, stem);
  if (named === 'warc' || named === 'warc-gz') return yield* readWarc(file, named === 'warc-gz');
  const bytes = await loadFile(file, maxBytes);
  if (!Buffer.isBuffer(bytes)) return yield { ok: false, error: bytes };
  const format = named === 'skip' ? 'unknown' : named;
  yield* readWhole(bytes, { file, stem, format, date });
}
