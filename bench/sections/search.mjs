import { openStore } from '../../dist/store/store.js';
import { quantile } from '../lib/stats.mjs';
import { searchStore } from './search-store.mjs';

/** The fixed query mix: each entry names the query and runs it once on the store, returning a hit or bucket count. */
export const QUERY_MIX = [
  { name: 'rare term', describe: 'Burevestnik', run: (s) => s.search({ q: 'Burevestnik', limit: 20 }).then((p) => p.total) },
  { name: 'common term', describe: 'Kremlin', run: (s) => s.search({ q: 'Kremlin', limit: 20 }).then((p) => p.total) },
  { name: 'two-word AND', describe: 'Kaliningrad missiles', run: (s) => s.search({ q: 'Kaliningrad missiles', limit: 20 }).then((p) => p.total) },
  { name: 'phrase', describe: '"tactical nuclear weapons"', run: (s) => s.search({ q: '"tactical nuclear weapons"', limit: 20 }).then((p) => p.total) },
  {
    name: 'term + actor + dates', describe: 'missiles, actor Vladimir Putin, 2023-01-01..2023-06-30',
    run: (s) => s.search({ q: 'missiles', actor: 'Vladimir Putin', from: '2023-01-01', to: '2023-06-30', limit: 20 }).then((p) => p.total),
  },
  { name: 'timeline', describe: 'events by month, all actors', run: (s) => s.timeline({ by: 'month' }).then((t) => t.buckets.length) },
];

const MIN_RUNS = 5;

/** Latency percentiles (ms) of every query of the mix on a store of `size` articles, queries interleaved round-robin; a query stops after `reps` runs or once it has used `budgetMs` (at least MIN_RUNS runs). */
export async function benchSearch({ size, seed, base, reps, budgetMs, outDir, log }) {
  const built = await searchStore({ size, seed, base, outDir, log });
  log(`  querying ${built.file} (${reps} rounds of ${QUERY_MIX.length} queries)`);
  const store = await openStore({ db: built.file, url: undefined });
  try {
    const results = [];
    const times = QUERY_MIX.map(() => []);
    for (const [k, q] of QUERY_MIX.entries()) results[k] = await q.run(store);
    const spent = QUERY_MIX.map(() => 0);
    for (let round = 0; round < reps; round++) {
      for (const [k, q] of QUERY_MIX.entries()) {
        if (times[k].length >= MIN_RUNS && spent[k] > budgetMs) continue;
        const t = performance.now();
        await q.run(store);
        const ms = performance.now() - t;
        times[k].push(ms);
        spent[k] += ms;
      }
    }
    return {
      size, cached: built.cached, buildSeconds: built.buildSeconds, reps,
      queries: QUERY_MIX.map((q, k) => ({
        name: q.name, query: q.describe, results: results[k], runs: times[k].length,
        p50: quantile(times[k], 0.5), p95: quantile(times[k], 0.95), p99: quantile(times[k], 0.99),
      })),
    };
  } finally {
    await store.close();
  }
}
