import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeigerError } from '../errors.js';
import { score, type EvalResult, type GoldRecord } from '../eval/score.js';
import type { Analysis } from '../pipeline/analysis.js';
import { createPipeline } from '../pipeline/create.js';
import { parseSeedText } from '../read/index.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';

export const usage = 'geiger eval --gold GOLD.jsonl --texts DIR [--json] [--floors FLOORS.json] [--errors]';

function readGold(path: string): GoldRecord[] {
  if (!existsSync(path)) throw new GeigerError('NOT_FOUND', 'gold file not found', { file: path });
  return readFileSync(path, 'utf8').split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try { return [JSON.parse(line) as GoldRecord]; } catch { throw new GeigerError('MALFORMED_JSON', 'not valid JSON', { file: path, line: i + 1 }); }
  });
}

const SECTIONS = ['relevance', 'entities', 'quotes.direct', 'quotes.indirect', 'events', 'claims'];

/** The score table: headline sections first, then per type. */
export function formatTable(r: EvalResult): string[] {
  const lines = [`docs ${r.docs}  missing ${r.missing}  spans ${r.spansChecked} (bad ${r.spansBad})`];
  const keys = [...SECTIONS.filter((k) => r.scores[k]), ...Object.keys(r.scores).filter((k) => !SECTIONS.includes(k)).sort()];
  for (const k of keys) {
    const s = r.scores[k];
    lines.push(`${k.padEnd(28)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}   (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
  }
  for (const p of r.problems) lines.push(`span problem: ${p}`);
  return lines;
}

/** Sections whose F1 fell below the floor kept for this gold file; the span check must be clean too. */
export function belowFloors(r: EvalResult, floors: Record<string, number>): string[] {
  const out: string[] = [];
  for (const [k, floor] of Object.entries(floors)) {
    const f1 = r.scores[k]?.f1 ?? 0;
    if (f1 + 1e-9 < floor) out.push(`${k}: F1 ${f1.toFixed(3)} < floor ${floor.toFixed(3)}`);
  }
  if (r.spansBad > 0) out.push(`${r.spansBad} spans do not match the text`);
  if (r.missing > 0) out.push(`${r.missing} documents missing`);
  return out;
}

/** `geiger eval`: analyses the gold documents and scores them with the rules of ANALYSIS.md. */
export async function evalCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    gold: { type: 'string' }, texts: { type: 'string' }, json: { type: 'boolean' }, floors: { type: 'string' },
    codebook: { type: 'string' }, predictions: { type: 'string' },
  });
  if (!values.gold || !values.texts) { printError(`usage: ${usage}`); return 2; }
  const gold = readGold(values.gold);
  const pipeline = createPipeline({ codebookDir: values.codebook });
  const bodies = new Map<string, string>();
  const predictions: Analysis[] = [];
  for (const g of gold) {
    const file = join(values.texts, `${g.id}.txt`);
    if (!existsSync(file)) { printError(`${file}: text of gold document not found`); continue; }
    const { date, body } = parseSeedText(readFileSync(file, 'utf8'));
    bodies.set(g.id, body);
    try {
      predictions.push(pipeline.analyze({ id: g.id, date, text: body }));
    } catch (e) {
      printError(`${file}: analysis failed: ${(e as Error).message}`);
    }
  }
  const result = score(gold, predictions, bodies);
  if (values.predictions) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(values.predictions, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  }
  if (values.json) await writeLine(JSON.stringify(result));
  else for (const line of formatTable(result)) await writeLine(line);
  if (values.floors) {
    const all = JSON.parse(readFileSync(values.floors, 'utf8')) as Record<string, Record<string, number>>;
    const key = Object.keys(all).find((k) => values.gold!.endsWith(k));
    if (!key) { printError(`${values.floors}: no floors for ${values.gold}`); return 1; }
    const failures = belowFloors(result, all[key]);
    for (const f of failures) printError(`below floor: ${f}`);
    if (failures.length) return 1;
    await writeLine(`floors met (${Object.keys(all[key]).length} sections, ${key})`);
  }
  return 0;
}
