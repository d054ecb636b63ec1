import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../src/read/index.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'geiger.js');
const dir = mkdtempSync(join(tmpdir(), 'geiger-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PEOPLE = ['Anna Berg', 'Pieter Vos', 'Marta Kowalska', 'Jonas Weber', 'Claire Martin', 'Tomas Novak', 'Eva Lind', 'Hugo Brandt'];
const PLACES = ['Tromsø', 'Kaunas', 'Constanța', 'Gdańsk', 'Narva', 'Rovaniemi', 'Burgas', 'Klaipėda', 'Trieste', 'Varna'];
const TEMPLATES = [
  (p: string, q: string, n: number, d: number) => `${p} said on day ${d} that ${n} short-range missiles had been moved to a base near ${q}. NATO said it was watching the deployment closely.`,
  (p: string, q: string, n: number, d: number) => `Officials in ${q} reported ${n} aircraft taking part in an exercise on day ${d}. ${p}, a regional spokesperson, called the drills routine.`,
  (p: string, q: string, n: number, d: number) => `The Kremlin warned on day ${d} that any attack on ${q} would meet a nuclear response, ${p} wrote after ${n} minutes of talks.`,
  (p: string, q: string, n: number, d: number) => `${p} estimated that ${n} warheads remain stored around ${q}, according to a report published on day ${d} by an institute.`,
];

/** About 6,000 small articles of our own (enough that an ingest outlasts the kill window), every 25th repeated under another id (an exact copy). */
function corpus(): { jsonl: string; distinct: number } {
  const lines: string[] = [];
  const hashes = new Set<string>();
  let i = 0;
  while (lines.length < 6000) {
    const text = TEMPLATES[i % TEMPLATES.length](PEOPLE[i % PEOPLE.length], PLACES[(i * 7) % PLACES.length], 10 + ((i * 37) % 990), 1 + (i % 28));
    const date = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(JSON.stringify({ id: `art-${i}`, date, lang: 'en', text }));
    hashes.add(contentHash(text));
    if (i % 25 === 0) lines.push(JSON.stringify({ id: `copy-${i}`, date, lang: 'en', text }));
    i++;
  }
  return { jsonl: `${lines.join('\n')}\n`, distinct: hashes.size };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function ingest(file: string, db: string): { done: Promise<number | null>; kill: () => void } {
  const child = spawn('node', [BIN, 'ingest', file, '--db', db, '--quiet'], {
    stdio: 'ignore', env: { ...process.env, GEIGER_DATABASE_URL: '' },
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { done, kill: () => child.kill('SIGKILL') };
}

/** Waits until the child has written to the WAL (it is storing), or the timeout passes. */
async function storing(db: string, since: number, timeoutMs: number): Promise<void> {
  const wal = `${db}-wal`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(wal) && statSync(wal).mtimeMs > since) return;
    await sleep(25);
  }
}

describe('ingest survives kill -9', () => {
  it('leaves a consistent store after each SIGKILL and completes on rerun without duplicates or losses', { timeout: 300_000 }, async () => {
    const file = join(dir, 'articles.jsonl');
    const { jsonl, distinct } = corpus();
    writeFileSync(file, jsonl);
    const db = join(dir, 'crash.db');
    let seed = 20240506;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const counts: number[] = [];
    for (let round = 0; round < 4; round++) {
      const started = Date.now();
      const child = ingest(file, db);
      await storing(db, started, 120_000);
      await sleep(300 + Math.floor(random() * 600));
      child.kill();
      expect(await child.done).toBeNull();
      const check = new Database(db, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      counts.push(Number((check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n));
      check.close();
    }
    expect(counts.some((n) => n > 0)).toBe(true);
    expect(counts.some((n) => n < distinct)).toBe(true);

    const final = ingest(file, db);
    expect(await final.done).toBe(0);
    const check = new Database(db, { readonly: true });
    try {
      const one = (sql: string) => Number((check.prepare(sql).get() as { n: number }).n);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(one('SELECT count(*) AS n FROM articles')).toBe(distinct);
      expect(one('SELECT count(DISTINCT content_hash) AS n FROM articles')).toBe(distinct);
      expect(one("SELECT count(*) AS n FROM articles WHERE id LIKE 'copy-%'")).toBe(0);
      expect(one('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses an WHERE an.article_id = a.id)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM simhash_bands b WHERE b.article_id = a.id)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM article_fts')).toBe(distinct);
      expect(one(`SELECT count(*) AS n FROM analyses an WHERE json_extract(an.record, '$.events') IS NULL`)).toBe(0);
      for (const table of ['events', 'entities', 'quotes', 'claims']) {
        const mismatched = one(`SELECT count(*) AS n FROM analyses an WHERE json_array_length(json_extract(an.record, '$.${table}'))
          <> (SELECT count(*) FROM ${table} t WHERE t.article_id = an.article_id)`);
        expect(mismatched, table).toBe(0);
      }
      expect(one('SELECT count(*) AS n FROM entities')).toBeGreaterThan(distinct / 2);
    } finally {
      check.close();
    }
  });
});
