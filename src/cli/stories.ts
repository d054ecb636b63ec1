import { storiesFromStore } from '../analytics/stories.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';
import { STORE_OPTIONS, intOption, printJson, showing, splitList, withStore } from './query-args.js';
import { truncate } from './table.js';

export const usage = 'geiger stories [--limit N --offset N --min-articles N --from D --to D --lang L --relevant --json --db FILE]';

/** `geiger stories`: articles clustered into stories across languages, biggest first. */
export async function storiesCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...STORE_OPTIONS,
    limit: { type: 'string' },
    offset: { type: 'string' },
    'min-articles': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    lang: { type: 'string', multiple: true },
    relevant: { type: 'boolean' },
  });
  const limit = intOption(values.limit, 'limit', 20)!;
  const offset = intOption(values.offset, 'offset', 0)!;
  const minArticles = intOption(values['min-articles'], 'min-articles', 1)!;
  const all = await withStore(values.db, (store) => storiesFromStore(store, {
    from: values.from, to: values.to, lang: splitList(values.lang), relevantOnly: values.relevant,
  }));
  const stories = all.filter((s) => s.articles.length >= minArticles);
  const page = stories.slice(offset, offset + limit);
  if (values.json) { await printJson({ total: stories.length, offset, limit, items: page }); return 0; }
  await writeLine(showing(offset, page.length, stories.length));
  for (const s of page) {
    const span = s.first === s.last ? s.first ?? 'undated' : `${s.first ?? '?'} – ${s.last ?? '?'}`;
    await writeLine('');
    await writeLine(`${s.id}  ${span}  [${s.languages.join(',')}]  ${s.articles.length} article${s.articles.length === 1 ? '' : 's'}  ${truncate(s.title, 70)}`);
    if (s.eventTypes.length > 0 || s.actors.length > 0) {
      await writeLine(`  ${[s.eventTypes.join(' '), s.actors.slice(0, 6).join(', ')].filter(Boolean).join('  ·  ')}`);
    }
    for (const a of s.articles) {
      await writeLine(`    ${a.date ?? 'undated'}  ${a.lang ?? '??'}  ${a.id}${a.nearCopy ? ' (near copy)' : ''}  ${truncate(a.title ?? '', 60)}`);
    }
  }
  return 0;
}
