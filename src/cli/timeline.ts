import { timelineWithIndex } from '../analytics/timeline.js';
import { GeigerError } from '../errors.js';
import { EVENT_TYPES } from '../pipeline/analysis.js';
import type { Period } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';
import { STORE_OPTIONS, eventTypesOption, nameResolver, printJson, splitList, withStore } from './query-args.js';
import { bar, formatTable } from './table.js';

export const usage = 'geiger timeline --by day|week|month [--actor NAME --type T --from D --to D --lang L --json --db FILE]';

const PERIODS: Period[] = ['day', 'week', 'month'];

/** `geiger timeline`: event counts per type and the escalation index per period, with a bar per index. */
export async function timelineCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...STORE_OPTIONS,
    by: { type: 'string' },
    actor: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    lang: { type: 'string', multiple: true },
    relevant: { type: 'boolean' },
  });
  const by = (values.by ?? 'month') as Period;
  if (!PERIODS.includes(by)) throw new GeigerError('USAGE', `--by must be day, week or month, got "${values.by}"`);
  const resolve = nameResolver(values.codebook);
  const t = await withStore(values.db, (store) => timelineWithIndex(store, {
    by, actor: resolve(splitList(values.actor)), type: eventTypesOption(values.type), from: values.from, to: values.to,
    lang: splitList(values.lang), relevantOnly: values.relevant,
  }));
  if (values.json) { await printJson(t); return 0; }
  if (t.buckets.length === 0) { await writeLine('no dated events or articles'); return 0; }
  const types = EVENT_TYPES.filter((type) => t.buckets.some((b) => (b.counts[type] ?? 0) > 0));
  const rows = t.buckets.map((b) => [
    b.period, b.articles, b.events, ...types.map((type) => b.counts[type] ?? 0), b.intensityMax, b.index.toFixed(2), bar(b.index, 10, 20),
  ]);
  for (const line of formatTable([
    { header: by }, { header: 'articles', align: 'right' }, { header: 'events', align: 'right' },
    ...types.map((type) => ({ header: type.slice(0, 6), align: 'right' as const })),
    { header: 'max', align: 'right' }, { header: 'index', align: 'right' }, { header: 'escalation (0–10)', max: 20 },
  ], rows)) await writeLine(line);
  if (t.undated > 0) await writeLine(`${t.undated} events left out: their article's date is coarser than a ${by}`);
  return 0;
}
