import { loadCodebook } from '../codebook/load.js';
import { resolveNames } from '../codebook/resolve-name.js';
import { GeigerError } from '../errors.js';
import {
  ARTICLE_CSV_COLUMNS, EVENT_CSV_COLUMNS, LastArticle, analysisRecords, articleCsv, articlePages,
  eventCsv, eventGdelt, eventRows,
} from '../export/index.js';
import { storeOptionsFor } from '../ingest/index.js';
import { EVENT_TYPES, type EventType } from '../pipeline/analysis.js';
import { openStore, type EventFilter } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { printError, writeLine } from './output.js';

export const usage = 'geiger export --format jsonl|csv|gdelt [--what analyses|events] [--db FILE|URL] [--from D] [--to D] '
  + '[--lang L,...] [--actor NAME]... [--type T,...] [--min-intensity N] [--near-copies] [--codebook DIR]';

const FORMATS = ['jsonl', 'csv', 'gdelt'] as const;
const WHAT = ['analyses', 'events'] as const;

const list = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter((s) => s !== '');

function eventTypes(value: string | undefined): EventType[] | undefined {
  const types = list(value)?.map((t) => t.toUpperCase());
  for (const t of types ?? []) {
    if (!(EVENT_TYPES as readonly string[]).includes(t)) throw new GeigerError('USAGE', `unknown event type "${t}" (one of ${EVENT_TYPES.join(', ')})`);
  }
  return types as EventType[] | undefined;
}

/** `geiger export`: streams analyses (JSON Lines), events or articles (CSV) or events as GDELT 2.0 rows to stdout. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string' }, what: { type: 'string' }, db: { type: 'string' }, from: { type: 'string' },
    to: { type: 'string' }, lang: { type: 'string' }, actor: { type: 'string', multiple: true }, type: { type: 'string' },
    'min-intensity': { type: 'string' }, 'near-copies': { type: 'boolean' }, codebook: { type: 'string' },
  });
  const format = values.format as (typeof FORMATS)[number] | undefined;
  if (positionals.length > 0 || !format || !FORMATS.includes(format)) { printError(`usage: ${usage}`); return 2; }
  const what = (values.what ?? (format === 'jsonl' ? 'analyses' : 'events')) as (typeof WHAT)[number];
  if (!WHAT.includes(what)) throw new GeigerError('USAGE', `--what must be analyses or events, got "${values.what}"`);
  if (format === 'gdelt' && what !== 'events') throw new GeigerError('USAGE', 'the gdelt format exports events only');
  const minIntensity = values['min-intensity'] === undefined ? undefined : Number(values['min-intensity']);
  if (minIntensity !== undefined && !Number.isFinite(minIntensity)) throw new GeigerError('USAGE', `--min-intensity must be a number, got "${values['min-intensity']}"`);
  const codebook = values.actor?.length || format === 'gdelt' ? loadCodebook(values.codebook) : null;
  const filter: EventFilter = {
    from: values.from, to: values.to, lang: list(values.lang), type: eventTypes(values.type), minIntensity,
    actor: codebook && values.actor?.length ? resolveNames(codebook, values.actor) : undefined,
    includeNearCopies: values['near-copies'] ?? false,
  };
  const store = await openStore(storeOptionsFor(values.db));
  try {
    if (what === 'analyses') {
      if (format === 'jsonl') {
        for await (const record of analysisRecords(store, filter)) await writeLine(JSON.stringify(record));
      } else {
        await writeLine(`${ARTICLE_CSV_COLUMNS.join(',')}\r`);
        for await (const a of articlePages(store, filter)) await writeLine(`${articleCsv(a)}\r`);
      }
    } else if (format === 'jsonl') {
      for await (const e of eventRows(store, filter)) await writeLine(JSON.stringify(e));
    } else if (format === 'csv') {
      await writeLine(`${EVENT_CSV_COLUMNS.join(',')}\r`);
      for await (const e of eventRows(store, filter)) await writeLine(`${eventCsv(e)}\r`);
    } else if (codebook) {
      const articles = new LastArticle(store);
      for await (const e of eventRows(store, filter)) {
        const stored = await articles.get(e.articleId);
        if (stored) await writeLine(eventGdelt(codebook, e, stored));
      }
    }
  } finally {
    await store.close();
  }
  return 0;
}

