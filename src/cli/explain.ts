import type { Analysis, Span } from '../pipeline/analysis.js';
import { createPipeline } from '../pipeline/create.js';
import { readSources } from '../read/index.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';

export const usage = 'geiger explain FILE... [--date YYYY-MM[-DD]] [--codebook DIR]';
const CONTEXT = 50;

/** The span in its context, the evidence marked with ⟦ ⟧, on one line. */
export function inContext(body: string, span: Span): string {
  const before = body.slice(Math.max(0, span.start - CONTEXT), span.start);
  const after = body.slice(span.end, span.end + CONTEXT);
  return `…${before}⟦${span.text}⟧${after}…`.replace(/\s+/g, ' ');
}

/** Every item of a record with its evidence in context and the rule that produced it. */
export function explainLines(a: Analysis, body: string): string[] {
  const out = [`━━ ${a.id}  ${a.date ?? 'undated'}  ${a.lang}  relevant=${a.relevant} (score ${a.relevance ?? '?'})`];
  for (const e of a.entities) {
    for (const m of e.mentions) out.push(`ENTITY  ${e.type} ${e.name}  [${m.rule ?? '?'}] ${m.start}-${m.end}\n        ${inContext(body, m)}`);
  }
  for (const q of a.quotes) {
    out.push(`QUOTE   ${q.direct ? 'direct' : 'indirect'} speaker=${q.speaker ?? '?'}  [${q.rule ?? '?'}] ${q.span.start}-${q.span.end}\n        ${inContext(body, q.span)}`);
  }
  for (const e of a.events) {
    const extra = e.treaty ? ` treaty=${e.treaty} action=${e.action ?? '?'}` : '';
    out.push(`EVENT   ${e.type} actor=${e.actor ?? '?'} target=${e.target ?? '-'} weapon=${e.weapon ?? '-'} intensity=${e.intensity}${extra}  [${e.rule ?? '?'}]\n        ${inContext(body, e.evidence)}`);
  }
  for (const c of a.claims) {
    out.push(`CLAIM   ${c.holder ?? 'world'} ${c.approx ? '~' : ''}${c.quantity} ${c.item} source=${c.source ?? '-'}  [${c.rule ?? '?'}]\n        ${inContext(body, c.evidence)}`);
  }
  for (const d of a.dates ?? []) out.push(`DATE    ${d.value}  [${d.rule ?? '?'}]\n        ${inContext(body, d)}`);
  return out;
}

/** `geiger explain`: shows each extracted item with its evidence and rule id. */
export async function explainCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { date: { type: 'string' }, codebook: { type: 'string' } });
  if (positionals.length === 0) { printError(`usage: ${usage}`); return 2; }
  const pipeline = createPipeline({ codebookDir: values.codebook });
  let failed = 0;
  for await (const result of readSources(positionals, { date: values.date })) {
    if (!result.ok) { failed++; printError(result.error.describe()); continue; }
    const record = pipeline.analyze(result.article);
    for (const line of explainLines(record, result.article.text)) await writeLine(line);
  }
  return failed ? 1 : 0;
}
