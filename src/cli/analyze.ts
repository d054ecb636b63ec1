import type { Analysis } from '../pipeline/analysis.js';
import { createPipeline } from '../pipeline/create.js';
import { readSources } from '../read/index.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';
import { formatSummary } from './summary.js';

export const usage = 'geiger analyze FILE|DIR|-... [--json] [--date YYYY-MM[-DD]] [--codebook DIR]';

/** `geiger analyze`: one analysis record per document (JSON Lines with --json, else a readable summary). */
export async function analyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' }, date: { type: 'string' }, codebook: { type: 'string' },
  });
  if (positionals.length === 0) { printError(`usage: ${usage}`); return 2; }
  const pipeline = createPipeline({ codebookDir: values.codebook });
  let failed = 0;
  for await (const result of readSources(positionals, { date: values.date })) {
    if (!result.ok) { failed++; printError(result.error.describe()); continue; }
    let record: Analysis;
    try {
      record = pipeline.analyze(result.article);
    } catch (e) {
      failed++;
      printError(`${result.article.origin?.file ?? result.article.id}: analysis failed: ${(e as Error).message}`);
      continue;
    }
    await writeLine(values.json ? JSON.stringify(record) : formatSummary(record));
  }
  return failed ? 1 : 0;
}
