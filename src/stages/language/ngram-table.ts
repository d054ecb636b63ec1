import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The src directory of the installed eld package (its export map hides the database modules). */
export function eldSourceDir(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('eld') ?? []) {
    if (existsSync(join(dir, 'eld', 'src', 'ngrams', 'medium.js'))) return join(dir, 'eld', 'src');
  }
  throw new Error('eld is not installed');
}

/**
 * eld's n-gram database in compact form: every n-gram as an exact number (its characters, all below 256,
 * as base-257 digits plus one), in an open-addressing table, with its (language id, score) pairs in one pool.
 * About 5 MB, where importing eld's database module keeps ~65 MB of objects and ~200 MB of RSS alive.
 */
export interface NgramTable {
  /** eld's language ids → ISO codes. */
  readonly languages: Record<string, string>;
  /** Number of n-grams. */
  readonly size: number;
  /** Entry index of an n-gram key, or -1. */
  find(key: number): number;
  /** Pool range of entry i: [offsets[i], offsets[i + 1]). */
  readonly offsets: Int32Array;
  /** (language id, score) pairs. */
  readonly pool: Int32Array;
}

/** The n-gram key of a string whose characters are all below 256. */
export function ngramKey(ngram: string): number {
  let key = 0;
  for (let i = 0; i < ngram.length; i++) key = key * 257 + ngram.charCodeAt(i) + 1;
  return key;
}

/** Open-addressing slot of a key in a table of `mask + 1` slots. */
export function slotHash(key: number, mask: number): number {
  const slot = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
  return (slot ^ (slot >>> 15)) & mask;
}

interface Entries { languages: Record<string, string>; keys: Float64Array; offsets: Int32Array; pool: Int32Array }

/**
 * Reads the object literal of eld's database module as text: `languages:{0:'am',…}` and `ngrams:{'ab c':{11:40,…},…}`,
 * keys bare or quoted with backslash escapes. Importing the module instead would build ~100 000 objects and keep the
 * parser's peak memory (~200 MB of RSS) for the life of the process.
 */
export function parseNgramDatabase(source: string, file: string): Entries {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${file}: not an eld n-gram database (${what} at character ${i})`);
  };
  const expect = (text: string): void => {
    if (!source.startsWith(text, i)) fail(`expected "${text}"`);
    i += text.length;
  };
  const key = (): string => {
    const quote = source[i];
    if (quote !== "'" && quote !== '"') {
      const end = source.indexOf(':', i);
      if (end < 0) fail('unterminated key');
      const bare = source.slice(i, end);
      i = end;
      return bare;
    }
    let out = '';
    for (i++; i < source.length && source[i] !== quote; i++) out += source[i] === '\\' ? source[++i] : source[i];
    if (i >= source.length) fail('unterminated string');
    i++;
    return out;
  };
  const integer = (): number => {
    const start = i;
    if (source[i] === '-') i++;
    while (source.charCodeAt(i) >= 48 && source.charCodeAt(i) <= 57) i++;
    if (i === start) fail('expected a number');
    return Number(source.slice(start, i));
  };

  i = source.indexOf('languages:{');
  if (i < 0) fail('no languages');
  expect('languages:{');
  const languages: Record<string, string> = {};
  while (source[i] !== '}') {
    const id = integer();
    expect(':');
    languages[id] = key();
    if (source[i] === ',') i++;
  }
  i = source.indexOf('ngrams:{', i);
  if (i < 0) fail('no ngrams');
  expect('ngrams:{');
  const keys: number[] = [];
  const offsets: number[] = [];
  const pool: number[] = [];
  while (source[i] !== '}') {
    const name = key();
    let k = 0;
    for (let c = 0; c < name.length; c++) {
      const code = name.charCodeAt(c);
      if (code > 255) fail(`n-gram "${name}" has a character above 255`);
      k = k * 257 + code + 1;
    }
    keys.push(k);
    offsets.push(pool.length);
    expect(':{');
    while (source[i] !== '}') {
      pool.push(integer());
      expect(':');
      pool.push(integer());
      if (source[i] === ',') i++;
    }
    i++;
    if (source[i] === ',') i++;
  }
  offsets.push(pool.length);
  return { languages, keys: Float64Array.from(keys), offsets: Int32Array.from(offsets), pool: Int32Array.from(pool) };
}

/** Loads eld's n-gram database file (an ES module exporting `ngramsData`) into an NgramTable. */
export async function loadNgramTable(databaseFile: string): Promise<NgramTable> {
  const { languages, keys, offsets, pool } = parseNgramDatabase(await readFile(databaseFile, 'utf8'), databaseFile);
  let capacity = 1;
  while (capacity < keys.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotKeys = new Float64Array(capacity);
  const slotEntries = new Int32Array(capacity);
  for (let i = 0; i < keys.length; i++) {
    let slot = slotHash(keys[i], mask);
    while (slotKeys[slot] !== 0) slot = (slot + 1) & mask;
    slotKeys[slot] = keys[i];
    slotEntries[slot] = i;
  }
  return {
    languages, size: keys.length, offsets, pool,
    find(key: number): number {
      let slot = slotHash(key, mask);
      for (;;) {
        const k = slotKeys[slot];
        if (k === key) return slotEntries[slot];
        if (k === 0) return -1;
        slot = (slot + 1) & mask;
      }
    },
  };
}
