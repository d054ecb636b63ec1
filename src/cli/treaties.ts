import { treatyStatusFromStore } from '../analytics/treaty-status.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';
import { STORE_OPTIONS, nameResolver, printJson, splitList, withStore } from './query-args.js';
import { formatTable } from './table.js';

export const usage = 'geiger treaties [--actor NAME --from D --to D --lang L --json --db FILE]';

/** `geiger treaties`: each treaty's reported acts over time, with sources, and its latest status. */
export async function treatiesCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    ...STORE_OPTIONS,
    actor: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    lang: { type: 'string', multiple: true },
  });
  const resolve = nameResolver(values.codebook);
  const treaties = await withStore(values.db, (store) => treatyStatusFromStore(store, {
    actor: resolve(splitList(values.actor)), from: values.from, to: values.to, lang: splitList(values.lang),
  }));
  if (values.json) { await printJson(treaties); return 0; }
  if (treaties.length === 0) { await writeLine('no treaty events'); return 0; }
  for (const [i, t] of treaties.entries()) {
    if (i > 0) await writeLine('');
    const parties = t.byActor.map((p) => `${p.actor ?? '?'}: ${p.status} (${p.date ?? 'undated'})`).join('; ');
    await writeLine(`${t.treaty ?? '(treaty not named)'} — latest status: ${t.status ?? 'unknown'}${parties ? `  [${parties}]` : ''}`);
    const rows = t.acts.map((a) => [a.date, (a.action ?? '?') + (a.hypothetical ? ' (hyp)' : ''), a.actor, a.target, a.lang, a.articleId, a.evidence.text]);
    for (const line of formatTable([
      { header: 'date' }, { header: 'action' }, { header: 'actor', max: 22 }, { header: 'target', max: 18 }, { header: 'lang' },
      { header: 'article', max: 30 }, { header: 'evidence', max: 60 },
    ], rows)) await writeLine(`  ${line}`);
  }
  return 0;
}
