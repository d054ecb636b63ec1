import type { OpenStoreOptions } from '../store/store.js';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Store options for a `--db` value: a postgres:// URL opens PostgreSQL, a file path opens that SQLite file even
 * when GEIGER_DATABASE_URL is set; without `--db` the environment decides (GEIGER_DATABASE_URL, then GEIGER_DB).
 */
export function storeOptionsFor(db: string | undefined): OpenStoreOptions {
  if (db === undefined) return {};
  if (POSTGRES_URL.test(db)) return { url: db };
  return { db, url: '' };
}
