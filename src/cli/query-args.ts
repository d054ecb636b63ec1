import { existsSync } from 'node:fs';
import { loadCodebook, type Codebook } from '../codebook/load.js';
import { resolveNames } from '../codebook/resolve-name.js';
import { GeigerError } from '../errors.js';
import { storeOptionsFor } from '../ingest/store-options.js';
import { CLAIM_ITEMS, EVENT_TYPES, type ClaimItem, type EventType } from '../pipeline/analysis.js';
import { openStore, type Store } from '../store/store.js';
import { writeLine } from './output.js';

/** Options every query command takes. */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  codebook: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Date, language and paging options shared by the list commands. */
export const RANGE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  lang: { type: 'string', multiple: true },
  limit: { type: 'string' },
  offset: { type: 'string' },
} as const;

/** A non-negative integer option, or the fallback when absent. */
export function intOption(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new GeigerError('USAGE', `--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

/** A number option in 0–10 (intensities), or undefined. */
export function intensityOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 10) throw new GeigerError('USAGE', `--${name} must be a number from 0 to 10, got "${value}"`);
  return n;
}

/** Event types given as repeated or comma-separated --type values, checked against the nine types. */
export function eventTypesOption(values: string[] | undefined): EventType[] | undefined {
  const list = splitList(values);
  if (!list) return undefined;
  return list.map((v) => {
    const t = v.toUpperCase();
    if (!(EVENT_TYPES as readonly string[]).includes(t)) throw new GeigerError('USAGE', `unknown event type "${v}" (one of ${EVENT_TYPES.join(', ')})`);
    return t as EventType;
  });
}

/** Claim items given as repeated --item values, checked against the item list. */
export function claimItemsOption(values: string[] | undefined): ClaimItem[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.map((v) => {
    const item = CLAIM_ITEMS.find((i) => i.toLowerCase() === v.trim().toLowerCase());
    if (!item) throw new GeigerError('USAGE', `unknown claim item "${v}" (one of ${CLAIM_ITEMS.join(', ')})`);
    return item;
  });
}

/** Repeated or comma-separated values as one list (undefined when none). */
export function splitList(values: string[] | undefined): string[] | undefined {
  const list = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return list.length > 0 ? list : undefined;
}

/** Resolves user-typed names through the codebook, loading it only when a name is given. */
export function nameResolver(codebookDir: string | undefined): (names: string[] | undefined) => string[] | undefined {
  let codebook: Codebook | undefined;
  return (names) => {
    if (!names || names.length === 0) return undefined;
    codebook ??= loadCodebook(codebookDir);
    return resolveNames(codebook, names);
  };
}

/** Opens the store named by --db (or the environment), runs `fn`, and closes it; a missing SQLite file is an error, not a new store. */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const options = storeOptionsFor(db);
  const file = options.db ?? (options.url === undefined && !process.env.GEIGER_DATABASE_URL ? process.env.GEIGER_DB ?? './geiger.db' : undefined);
  if (file !== undefined && !existsSync(file)) {
    throw new GeigerError('NOT_FOUND', `no store at ${file} (fill one with "geiger ingest --db ${file} FILE...")`);
  }
  const store = await openStore(options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Prints a value as pretty JSON on stdout. */
export async function printJson(value: unknown): Promise<void> {
  await writeLine(JSON.stringify(value, null, 2));
}

/** "showing X–Y of N" for a page. */
export function showing(offset: number, count: number, total: number): string {
  return count === 0 ? `showing 0 of ${total}` : `showing ${offset + 1}–${offset + count} of ${total}`;
}
