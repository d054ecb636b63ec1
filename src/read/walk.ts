import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeigerError } from '../errors.js';
import { fsError } from './load-file.js';

/** Lists the regular files under a directory, recursively, skipping hidden entries and symlinked directories, sorted by path. */
export async function listFiles(dir: string): Promise<{ files: string[]; errors: GeigerError[] }> {
  const files: string[] = [];
  const errors: GeigerError[] = [];
  const visit = async (current: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      errors.push(fsError(error, current));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile()) files.push(path);
      else if (entry.isSymbolicLink() && (await isFile(path))) files.push(path);
    }
  };
  await visit(dir);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, errors };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
