import type { SearchHit } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';
import {
  RANGE_OPTIONS, STORE_OPTIONS, eventTypesOption, intOption, intensityOption, nameResolver, printJson, showing, splitList, withStore,
} from './query-args.js';
import { truncate } from './table.js';

export const usage = 'geiger search QUERY [--from D --to D --lang L --actor NAME --type T --min-intensity N --limit N --offset N --json --db FILE]';

/** The snippet with its hits marked: ANSI bold on a terminal, «…» otherwise. */
export function markHits(hit: Pick<SearchHit, 'snippet' | 'highlights'>, tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1m', '\x1b[22m'] : ['«', '»'];
  let out = '';
  let at = 0;
  for (const h of [...hit.highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += hit.snippet.slice(at, h.start) + open + hit.snippet.slice(h.start, h.end) + close;
    at = h.end;
  }
  return (out + hit.snippet.slice(at)).replace(/\s+/g, ' ').trim();
}

/** `geiger search`: ranked full-text search with phrases and AND/OR/NOT, highlighted snippets and paging. */
export async function searchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...STORE_OPTIONS, ...RANGE_OPTIONS,
    actor: { type: 'string', multiple: true },
    type: { type: 'string', multiple: true },
    'min-intensity': { type: 'string' },
    relevant: { type: 'boolean' },
  });
  const q = positionals.join(' ').trim();
  if (q === '') { printError(`usage: ${usage}`); return 2; }
  const resolve = nameResolver(values.codebook);
  const limit = intOption(values.limit, 'limit', 10)!;
  const offset = intOption(values.offset, 'offset', 0)!;
  const page = await withStore(values.db, (store) => store.search({
    q, from: values.from, to: values.to, lang: splitList(values.lang), actor: resolve(splitList(values.actor)),
    type: eventTypesOption(values.type), minIntensity: intensityOption(values['min-intensity'], 'min-intensity'),
    relevantOnly: values.relevant, limit, offset,
  }));
  if (values.json) {
    await printJson({ query: q, total: page.total, offset, limit, items: page.items });
    return 0;
  }
  const tty = Boolean(process.stdout.isTTY);
  await writeLine(`${showing(offset, page.items.length, page.total)} for ${JSON.stringify(q)}`);
  for (const [i, hit] of page.items.entries()) {
    await writeLine('');
    await writeLine(`${String(offset + i + 1).padStart(3)}. ${hit.date ?? 'undated'}  ${hit.lang ?? '??'}  ${hit.id}  ${truncate(hit.title ?? '(untitled)', 70)}  score ${hit.score.toFixed(2)}`);
    await writeLine(`     ${markHits(hit, tty)}`);
  }
  if (offset + page.items.length < page.total) await writeLine(`\nnext page: --offset ${offset + page.items.length}`);
  return 0;
}
