import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';
import {
  RANGE_OPTIONS, STORE_OPTIONS, eventTypesOption, intOption, intensityOption, nameResolver, printJson, showing, splitList, withStore,
} from './query-args.js';
import { formatTable } from './table.js';

export const usage = 'geiger events [--type T --actor NAME --target NAME --min-intensity N --from D --to D --lang L --limit N --offset N --json --db FILE]';

/** `geiger events`: stored events filtered by type, actor, target and intensity. */
export async function eventsCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...STORE_OPTIONS, ...RANGE_OPTIONS,
    type: { type: 'string', multiple: true },
    actor: { type: 'string', multiple: true },
    target: { type: 'string', multiple: true },
    'min-intensity': { type: 'string' },
    'include-negated': { type: 'boolean' },
  });
  const resolve = nameResolver(values.codebook);
  const limit = intOption(values.limit, 'limit', 20)!;
  const offset = intOption(values.offset, 'offset', 0)!;
  const page = await withStore(values.db, (store) => store.events({
    type: eventTypesOption(values.type), actor: resolve(splitList(values.actor)), target: resolve(splitList(values.target)),
    minIntensity: intensityOption(values['min-intensity'], 'min-intensity'), includeNegated: values['include-negated'],
    from: values.from, to: values.to, lang: splitList(values.lang), limit, offset,
  }));
  if (values.json) { await printJson({ total: page.total, offset, limit, items: page.items }); return 0; }
  await writeLine(showing(offset, page.items.length, page.total));
  if (page.items.length === 0) return 0;
  const rows = page.items.map((e) => [
    e.date, e.type + (e.negated ? ' (neg)' : e.hypothetical ? ' (hyp)' : ''), e.actor, e.target, e.weapon ?? e.treaty, e.intensity, e.evidence.text, e.articleId,
  ]);
  for (const line of formatTable([
    { header: 'date' }, { header: 'type' }, { header: 'actor', max: 22 }, { header: 'target', max: 18 }, { header: 'weapon/treaty', max: 18 },
    { header: 'int', align: 'right' }, { header: 'evidence', max: 60 }, { header: 'article', max: 30 },
  ], rows)) await writeLine(line);
  return 0;
}
