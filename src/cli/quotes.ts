import { GeigerError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';
import { RANGE_OPTIONS, STORE_OPTIONS, intOption, nameResolver, printJson, showing, splitList, withStore } from './query-args.js';
import { formatTable } from './table.js';

export const usage = 'geiger quotes [--speaker NAME] [--direct|--indirect] [--lang L --from D --to D --limit N --offset N --json --db FILE]';

/** `geiger quotes`: quotes by speaker (any language's name for them), direct or reported. */
export async function quotesCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...STORE_OPTIONS, ...RANGE_OPTIONS,
    speaker: { type: 'string', multiple: true },
    direct: { type: 'boolean' },
    indirect: { type: 'boolean' },
  });
  if (values.direct && values.indirect) throw new GeigerError('USAGE', '--direct and --indirect exclude each other');
  const resolve = nameResolver(values.codebook);
  const limit = intOption(values.limit, 'limit', 20)!;
  const offset = intOption(values.offset, 'offset', 0)!;
  const page = await withStore(values.db, (store) => store.quotes({
    speaker: resolve(splitList(values.speaker)), direct: values.direct ? true : values.indirect ? false : undefined,
    lang: splitList(values.lang), from: values.from, to: values.to, limit, offset,
  }));
  if (values.json) { await printJson({ total: page.total, offset, limit, items: page.items }); return 0; }
  await writeLine(showing(offset, page.items.length, page.total));
  if (page.items.length === 0) return 0;
  const rows = page.items.map((q) => [q.date, q.lang, q.speaker, q.direct ? 'direct' : 'reported', q.text, q.articleId]);
  for (const line of formatTable([
    { header: 'date' }, { header: 'lang' }, { header: 'speaker', max: 24 }, { header: 'kind' }, { header: 'quote', max: 80 }, { header: 'article', max: 30 },
  ], rows)) await writeLine(line);
  return 0;
}
