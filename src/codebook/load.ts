import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { GeigerError } from '../errors.js';
import { EntityFileSchema, RoleWordsSchema, type EntityEntry, type RoleWords } from './schema.js';

/** The codebook folder shipped with Geiger. */
export const DEFAULT_CODEBOOK_DIR = fileURLToPath(new URL('../../codebooks/nuclear', import.meta.url));

interface YamlFile { path: string; doc: Document; lines: LineCounter }

/** A loaded, validated codebook: entity entries, role words, and cue lexicons validated on request. */
export class Codebook {
  readonly dir: string;
  readonly version: string;
  readonly entries: EntityEntry[];
  readonly byId: Map<string, EntityEntry>;
  readonly roles: RoleWords;
  private readonly cueFiles: Map<string, YamlFile>;
  private readonly cueCache = new Map<string, unknown>();

  constructor(dir: string, version: string, entries: EntityEntry[], roles: RoleWords, cueFiles: Map<string, YamlFile>) {
    this.dir = dir;
    this.version = version;
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.roles = roles;
    this.cueFiles = cueFiles;
  }

  /** The cue lexicon `cues/<name>.yaml`, validated against the stage's schema (file and line on failure). */
  cues<T extends z.ZodType>(name: string, schema: T): z.infer<T> {
    const cached = this.cueCache.get(name);
    if (cached !== undefined) return cached as z.infer<T>;
    const file = this.cueFiles.get(name);
    if (!file) throw new GeigerError('CODEBOOK_INVALID', `missing cue file cues/${name}.yaml`, { file: join(this.dir, 'cues', `${name}.yaml`) });
    const value = validate(file, schema);
    this.cueCache.set(name, value);
    return value;
  }
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listYaml(p));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(p);
  }
  return out;
}

function parseYaml(path: string, source: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = lines.linePos(err.pos[0]).line;
    throw new GeigerError('CODEBOOK_INVALID', `YAML syntax: ${err.message.split('\n')[0]}`, { file: path, line });
  }
  return { path, doc, lines };
}

function lineOf(file: YamlFile, path: (string | number | symbol)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = file.doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return file.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function validate<T extends z.ZodType>(file: YamlFile, schema: T): z.infer<T> {
  const result = schema.safeParse(file.doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new GeigerError('CODEBOOK_INVALID', `${issue.message}${where}`, { file: file.path, line: lineOf(file, issue.path) });
}

/** Loads and validates every YAML file of a codebook folder; throws a GeigerError naming file and line. */
export function loadCodebook(dir: string = DEFAULT_CODEBOOK_DIR): Codebook {
  let paths: string[];
  try {
    paths = listYaml(dir);
  } catch {
    throw new GeigerError('CODEBOOK_INVALID', 'codebook folder not found', { file: dir });
  }
  const hash = createHash('sha256');
  const entries: EntityEntry[] = [];
  const seen = new Map<string, string>();
  let roles: RoleWords = [];
  const cueFiles = new Map<string, YamlFile>();
  for (const path of paths) {
    const source = readFileSync(path, 'utf8');
    const rel = relative(dir, path).split('\\').join('/');
    hash.update(rel).update('\0').update(source).update('\0');
    const file = parseYaml(path, source);
    if (rel.startsWith('cues/')) {
      cueFiles.set(rel.slice(5).replace(/\.ya?ml$/, ''), file);
    } else if (rel === 'roles.yaml') {
      roles = validate(file, RoleWordsSchema);
    } else {
      const list = validate(file, EntityFileSchema);
      list.forEach((entry, i) => {
        const before = seen.get(entry.id);
        if (before) throw new GeigerError('CODEBOOK_INVALID', `duplicate id ${entry.id} (first in ${before})`, { file: path, line: lineOf(file, [i, 'id']) });
        seen.set(entry.id, rel);
        entries.push(entry);
      });
    }
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    if (e.metonymFor && !ids.has(e.metonymFor)) {
      throw new GeigerError('CODEBOOK_INVALID', `${e.id}: metonymFor names unknown entry ${e.metonymFor}`, { file: join(dir, seen.get(e.id) ?? '') });
    }
  }
  return new Codebook(dir, hash.digest('hex').slice(0, 12), entries, roles, cueFiles);
}
