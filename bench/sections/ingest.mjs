import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPipeline } from '../../dist/pipeline/create.js';
import { openStore } from '../../dist/store/store.js';
import { secondsSince, textBytes } from '../lib/stats.mjs';

export const PG_URL = process.env.GEIGER_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function* asReadResults(articles) {
  for (const { offTopic, ...article } of articles) yield { ok: true, article };
}

/** Ingests with `threads` analysis worker threads (0: analysis in the committing thread), as `geiger ingest --threads`. */
async function ingestInto(store, articles, threads) {
  const { AnalysisPool, ingestArticles } = await import('../../dist/ingest/index.js');
  const pool = threads > 0 ? new AnalysisPool({ threads }) : null;
  const pipeline = pool ? null : createPipeline();
  if (pool) await pool.analyse(articles.slice(0, 50));
  else for (const a of articles.slice(0, 50)) pipeline.analyze(a);
  const start = performance.now();
  let summary;
  try {
    summary = await ingestArticles(store, pool ? pool.analyse : pipeline, asReadResults(articles));
  } finally {
    await pool?.close();
  }
  const seconds = secondsSince(start);
  const mb = textBytes(articles) / 1e6;
  return {
    threads, articles: articles.length, mb, seconds, articlesPerSecond: articles.length / seconds, mbPerSecond: mb / seconds,
    stored: summary.new, duplicates: summary.duplicates, nearDuplicates: summary.nearDuplicates, failed: summary.failed.length,
  };
}

/** Why PostgreSQL cannot be used, or null when it answers. */
export async function postgresUnreachable(url = PG_URL) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${url}: ${error.message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ingestIntoSqlite(file, articles, threads) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const store = await openStore({ db: file, url: undefined });
  try {
    return await ingestInto(store, articles, threads);
  } finally {
    await store.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}

/**
 * Ingest rate (read → dedup → analyse → store with full-text index) into a fresh SQLite file, with one analysis
 * worker thread (the default of `geiger ingest` on a multi-core machine) and in one thread, and into a fresh
 * PostgreSQL schema (one analysis worker).
 */
export async function benchIngest(articles, outDir, log) {
  if (!existsSync(new URL('../../dist/ingest/index.js', import.meta.url))) {
    return { skipped: 'dist/ingest/index.js is missing (build first)' };
  }
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'ingest-bench.db');
  log(`  SQLite, 1 analysis worker: ${articles.length} articles`);
  const sqlite = await ingestIntoSqlite(file, articles, 1);
  log(`  SQLite, one thread: ${articles.length} articles`);
  const sqliteOneThread = await ingestIntoSqlite(file, articles, 0);
  let postgres;
  const reason = await postgresUnreachable();
  if (reason) postgres = { skipped: reason };
  else {
    const schema = `geiger_bench_${Date.now().toString(36)}`;
    log(`  PostgreSQL: ${articles.length} articles (schema ${schema})`);
    const store = await openStore({ url: PG_URL, schema });
    try {
      postgres = await ingestInto(store, articles, 1);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
  return { sqlite, sqliteOneThread, postgres };
}
