import { fileURLToPath } from 'node:url';
import type { Analysis } from '../pipeline/analysis.js';
import { createPipeline } from '../pipeline/create.js';
import { readSources } from '../read/index.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';

/** The demo articles bundled with Geiger (written for the demo; not real reporting). */
export const DEMO_CORPUS_DIR = fileURLToPath(new URL('../../corpus/demo/articles', import.meta.url));

/** Aggregate counts over a set of analysis records, for the demo summary. */
export function summarise(records: Analysis[]): string[] {
  const count = <K>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  const relevant = records.filter((r) => r.relevant).length;
  const events = records.flatMap((r) => r.events);
  const lines = [
    `articles: ${records.length} (${relevant} relevant)   languages: ${count(records.map((r) => r.lang)).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `entities: ${records.reduce((n, r) => n + r.entities.length, 0)}   quotes: ${records.reduce((n, r) => n + r.quotes.length, 0)}   events: ${events.length}   claims: ${records.reduce((n, r) => n + r.claims.length, 0)}`,
    `events by type: ${count(events.map((e) => e.type)).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    `top actors: ${count(events.map((e) => e.actor).filter((a): a is string => !!a)).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
  ];
  const top = [...events].sort((a, b) => b.intensity - a.intensity).slice(0, 5);
  for (const e of top) lines.push(`  ${String(e.intensity).padStart(2)} ${e.type.padEnd(9)} ${e.actor ?? '?'}: ${e.evidence.text.replace(/\s+/g, ' ').slice(0, 100)}`);
  return lines;
}

/** `geiger demo`: analyses the bundled demo corpus and prints a summary. */
export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { verbose: { type: 'boolean' } });
  const pipeline = createPipeline();
  const records: Analysis[] = [];
  let failed = 0;
  const started = performance.now();
  for await (const result of readSources([DEMO_CORPUS_DIR])) {
    if (!result.ok) { failed++; printError(result.error.describe()); continue; }
    const record = pipeline.analyze(result.article);
    records.push(record);
    if (values.verbose) await writeLine(`${record.id}  ${record.lang}  ${record.relevant ? 'relevant' : '-'}  events ${record.events.length}  quotes ${record.quotes.length}`);
  }
  const ms = performance.now() - started;
  await writeLine(`Geiger demo: analysed the bundled demo corpus (${DEMO_CORPUS_DIR}) in ${ms.toFixed(0)} ms`);
  for (const line of summarise(records)) await writeLine(line);
  return failed ? 1 : 0;
}
