import { claimsBalance, claimsLedger, type Estimate } from '../analytics/claims-ledger.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';
import { RANGE_OPTIONS, STORE_OPTIONS, claimItemsOption, nameResolver, printJson, splitList, withStore } from './query-args.js';
import { formatTable } from './table.js';

export const usage = 'geiger claims [--holder NAME --item ITEM --from D --to D --lang L] [--balance] [--json --db FILE]';

const amount = (e: Estimate): string => `${e.approx ? '~' : ''}${e.quantity.toLocaleString('en-US')}`;
const cite = (e: Estimate): string => `${amount(e)} (${[e.source, e.date ?? 'undated', e.articleId].filter(Boolean).join(', ')})`;

/** `geiger claims`: the claims ledger (conflicting estimates side by side) or, with --balance, each holder's latest estimate. */
export async function claimsCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...STORE_OPTIONS, ...RANGE_OPTIONS,
    holder: { type: 'string', multiple: true },
    item: { type: 'string', multiple: true },
    balance: { type: 'boolean' },
  });
  const resolve = nameResolver(values.codebook);
  const claims = await withStore(values.db, (store) => store.claims({
    holder: resolve(splitList(values.holder)), item: claimItemsOption(values.item), from: values.from, to: values.to, lang: splitList(values.lang),
  }));
  if (values.balance) {
    const balance = claimsBalance(claims.items);
    if (values.json) { await printJson(balance); return 0; }
    if (balance.length === 0) { await writeLine('no claims'); return 0; }
    const rows = balance.flatMap((r) => r.holders.map((h) => [r.item, h.holder ?? 'world', amount(h.latest), h.latest.date, h.latest.source, h.latest.articleId]));
    for (const line of formatTable([
      { header: 'item', max: 28 }, { header: 'holder', max: 22 }, { header: 'latest', align: 'right' }, { header: 'date' }, { header: 'source', max: 22 }, { header: 'article', max: 30 },
    ], rows)) await writeLine(line);
    return 0;
  }
  const ledger = claimsLedger(claims.items);
  if (values.json) { await printJson(ledger); return 0; }
  if (ledger.length === 0) { await writeLine('no claims'); return 0; }
  const conflicts = ledger.filter((e) => e.conflict).length;
  await writeLine(`${claims.total} estimates in ${ledger.length} holder/item groups, ${conflicts} with conflicting estimates (>10% apart)`);
  for (const entry of ledger) {
    await writeLine('');
    await writeLine(`${entry.holder ?? 'world'} · ${entry.item}${entry.conflict ? `  CONFLICT: ${cite(entry.low!)}  vs  ${cite(entry.high!)}` : ''}`);
    const rows = entry.estimates.map((e) => [e.date, amount(e), e.source, e.lang, e.articleId, e.evidence.text]);
    for (const line of formatTable([
      { header: 'date' }, { header: 'estimate', align: 'right' }, { header: 'source', max: 22 }, { header: 'lang' }, { header: 'article', max: 30 }, { header: 'evidence', max: 60 },
    ], rows)) await writeLine(`  ${line}`);
  }
  return 0;
}
