import { createWatchRule, WatchRuleInputSchema } from '../alerts/rules.js';
import { loadCodebook } from '../codebook/load.js';
import { GeigerError } from '../errors.js';
import { storeOptionsFor } from '../ingest/store-options.js';
import { openStore, type Store, type WatchRule } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';

export const usage = `usage: geiger watch add --name NAME [--actor A] [--type T] [--min-intensity I] [--words "w1 w2"] [--db FILE]
       geiger watch list [--db FILE] [--json]
       geiger watch rm ID [--db FILE]
Watch rules are saved queries; articles ingested later that match one become alert hits,
served at /api/alerts/rules/ID/hits and as an Atom feed at /alerts/ID.atom.`;

function describe(r: WatchRule): string {
  const parts = [
    r.actor ? `actor=${r.actor}` : '', r.type ? `type=${r.type}` : '',
    r.minIntensity !== null ? `min-intensity=${r.minIntensity}` : '', r.words ? `words="${r.words}"` : '',
  ].filter(Boolean);
  return `${r.id}\t${r.name}\t${parts.join(' ')}`;
}

async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptionsFor(db));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function add(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    db: { type: 'string' }, name: { type: 'string' }, actor: { type: 'string' }, type: { type: 'string' },
    'min-intensity': { type: 'string' }, words: { type: 'string' }, json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new GeigerError('USAGE', `unexpected argument "${positionals[0]}"\n${usage}`);
  const minText = values['min-intensity'];
  if (minText !== undefined && !/^\d+(\.\d+)?$/.test(minText)) throw new GeigerError('USAGE', `--min-intensity must be a number from 0 to 10, got "${minText}"`);
  const parsed = WatchRuleInputSchema.safeParse({
    name: values.name ?? '', actor: values.actor, type: values.type?.toUpperCase(),
    minIntensity: minText === undefined ? undefined : Number(minText), words: values.words,
  });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const field = i.path.length ? `--${String(i.path[0]).replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}: ` : '';
    throw new GeigerError('USAGE', `${field}${i.message}`);
  }
  const rule = createWatchRule(loadCodebook(), parsed.data);
  await withStore(values.db, (store) => store.saveWatchRule(rule));
  await writeLine(values.json ? JSON.stringify(rule) : describe(rule));
  return 0;
}

async function list(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  const rules = await withStore(values.db, (store) => store.listWatchRules());
  for (const r of rules) await writeLine(values.json ? JSON.stringify(r) : describe(r));
  return 0;
}

async function remove(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { db: { type: 'string' } });
  if (positionals.length !== 1) throw new GeigerError('USAGE', `watch rm takes one rule id\n${usage}`);
  const removed = await withStore(values.db, (store) => store.deleteWatchRule(positionals[0]));
  if (!removed) throw new GeigerError('NOT_FOUND', `no watch rule with id "${positionals[0]}"`);
  await writeLine(`removed ${positionals[0]}`);
  return 0;
}

/** `geiger watch add|list|rm`: manage watch rules (alerts). */
export async function watchCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'add') return add(rest);
  if (sub === 'list' || sub === 'ls') return list(rest);
  if (sub === 'rm' || sub === 'remove') return remove(rest);
  if (sub === '--help' || sub === '-h' || sub === 'help') { await writeLine(usage); return 0; }
  throw new GeigerError('USAGE', sub ? `unknown watch command "${sub}"\n${usage}` : usage);
}
