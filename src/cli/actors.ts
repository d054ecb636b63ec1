import { actorProfile, type ActorProfile } from '../analytics/actor-profile.js';
import { loadCodebook } from '../codebook/load.js';
import { GeigerError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';
import { RANGE_OPTIONS, STORE_OPTIONS, intOption, printJson, showing, splitList, withStore } from './query-args.js';
import { formatTable, truncate } from './table.js';

export const usage = 'geiger actors [NAME] [--limit N --offset N --sort mentions|articles|quotes|events --from D --to D --lang L --json --db FILE]';

const SORTS = ['mentions', 'articles', 'quotes', 'events'] as const;

async function printProfile(p: ActorProfile): Promise<void> {
  await writeLine(`${p.name}  ${p.type ?? 'unknown type'}  ${p.ids.join(', ') || 'not in the codebook'}`);
  for (const [lang, list] of Object.entries(p.aliases)) await writeLine(`  aliases ${lang}: ${list.join(', ')}`);
  for (const [lang, list] of Object.entries(p.adjectives)) await writeLine(`  adjectives ${lang}: ${list.join(', ')}`);
  const c = p.counts;
  await writeLine(`  ${c.mentions} mentions in ${c.articles} articles, ${c.quotes} quotes, ${c.eventsAsActor} events as actor, ${c.eventsAsTarget} as target`);
  if (p.quotes.length > 0) {
    await writeLine('\nquotes');
    for (const q of p.quotes) await writeLine(`  ${q.date ?? 'undated'}  ${q.lang ?? '??'}  ${truncate(q.text, 90)}  [${q.articleId}]`);
  }
  for (const [label, events] of [['events as actor', p.eventsAsActor], ['events as target', p.eventsAsTarget]] as const) {
    if (events.length === 0) continue;
    await writeLine(`\n${label}`);
    for (const e of events) await writeLine(`  ${e.date ?? 'undated'}  ${e.type}  ${e.actor ?? '?'} → ${e.target ?? '-'}  intensity ${e.intensity}  [${e.articleId}]`);
  }
  if (p.coMentions.length > 0) {
    await writeLine('\nco-mentioned');
    for (const m of p.coMentions.slice(0, 15)) await writeLine(`  ${String(m.articles).padStart(4)}  ${m.name}`);
  }
}

/** `geiger actors`: top actors by mentions, quotes and events; with a NAME, that actor's profile. */
export async function actorsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...STORE_OPTIONS, ...RANGE_OPTIONS, sort: { type: 'string' } });
  const sort = values.sort ?? 'mentions';
  if (!(SORTS as readonly string[]).includes(sort)) throw new GeigerError('USAGE', `--sort must be one of ${SORTS.join(', ')}`);
  const limit = intOption(values.limit, 'limit', 20)!;
  const offset = intOption(values.offset, 'offset', 0)!;
  if (positionals.length > 0) {
    const codebook = loadCodebook(values.codebook);
    const profile = await withStore(values.db, (store) => actorProfile(store, codebook, positionals.join(' '), { limit }));
    if (values.json) await printJson(profile);
    else await printProfile(profile);
    return 0;
  }
  const page = await withStore(values.db, (store) => store.actors({
    sortBy: sort as (typeof SORTS)[number], from: values.from, to: values.to, lang: splitList(values.lang), limit, offset,
  }));
  if (values.json) { await printJson({ total: page.total, offset, limit, items: page.items }); return 0; }
  await writeLine(showing(offset, page.items.length, page.total));
  if (page.items.length === 0) return 0;
  const rows = page.items.map((a, i) => [offset + i + 1, a.name, a.type, a.mentions, a.articles, a.quotes, a.events, a.maxIntensity]);
  for (const line of formatTable([
    { header: '#', align: 'right' }, { header: 'actor', max: 32 }, { header: 'type' }, { header: 'mentions', align: 'right' },
    { header: 'articles', align: 'right' }, { header: 'quotes', align: 'right' }, { header: 'events', align: 'right' }, { header: 'max int', align: 'right' },
  ], rows)) await writeLine(line);
  return 0;
}
