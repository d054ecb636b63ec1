import { GeigerError } from '../errors.js';
import { printError } from './output.js';

type Command = (argv: string[]) => Promise<number>;

/** Commands load their module on use, so `geiger search` does not pay for the server or the pipeline. */
const COMMANDS: Record<string, { load: () => Promise<Command>; help: string }> = {
  analyze: { load: () => import('./analyze.js').then((m) => m.analyzeCommand), help: 'analyse articles; print records (--json) or summaries' },
  explain: { load: () => import('./explain.js').then((m) => m.explainCommand), help: 'show every extracted item with its evidence and rule' },
  eval: { load: () => import('./eval.js').then((m) => m.evalCommand), help: 'score against gold records (precision/recall/F1)' },
  ingest: { load: () => import('./ingest.js').then((m) => m.ingestCommand), help: 'read, deduplicate, analyse and store articles (--db FILE)' },
  reanalyze: { load: () => import('./reanalyze.js').then((m) => m.reanalyzeCommand), help: 'recompute stored analyses made by an older pipeline or codebook' },
  export: { load: () => import('./export.js').then((m) => m.exportCommand), help: 'export analyses or events as JSON Lines, CSV or GDELT 2.0 rows' },
  follow: { load: () => import('./follow.js').then((m) => m.followCommand), help: 'poll RSS/Atom feeds and ingest new items (--once, --every 15m)' },
  search: { load: () => import('./search.js').then((m) => m.searchCommand), help: 'full-text search (phrases, AND/OR/NOT) with highlighted snippets' },
  quotes: { load: () => import('./quotes.js').then((m) => m.quotesCommand), help: 'quotes by speaker in any language (--speaker Poetin), direct or reported' },
  events: { load: () => import('./events.js').then((m) => m.eventsCommand), help: 'events by type, actor, target and intensity' },
  claims: { load: () => import('./claims.js').then((m) => m.claimsCommand), help: 'the claims ledger with conflicting estimates; --balance for the latest per holder' },
  actors: { load: () => import('./actors.js').then((m) => m.actorsCommand), help: 'top actors by mentions, quotes and events; NAME for one actor\'s profile' },
  timeline: { load: () => import('./timeline.js').then((m) => m.timelineCommand), help: 'event counts and the escalation index per day, week or month' },
  stories: { load: () => import('./stories.js').then((m) => m.storiesCommand), help: 'articles clustered into stories across languages' },
  treaties: { load: () => import('./treaties.js').then((m) => m.treatiesCommand), help: 'each treaty\'s reported acts and latest status' },
  demo: { load: () => import('./demo.js').then((m) => m.demoCommand), help: 'analyse the bundled demo corpus and print a summary' },
  serve: { load: () => import('./serve.js').then((m) => m.serveCommand), help: 'serve the JSON API, OpenAPI document, alert feeds and dashboard' },
  watch: { load: () => import('./watch.js').then((m) => m.watchCommand), help: 'watch rules (alerts): add, list, rm' },
  start: { load: () => import('./start.js').then((m) => m.startCommand), help: 'fill an empty store with the demo corpus, then serve the dashboard' },
};

function help(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.help}`);
  return ['usage: geiger COMMAND [options]', '', 'commands:', ...rows].join('\n');
}

/** Runs the geiger CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) { printError(`unknown command "${name}"\n${help()}`); return 2; }
  try {
    const run = await command.load();
    return await run(rest);
  } catch (e) {
    if (e instanceof GeigerError) { printError(e.describe()); return e.code === 'USAGE' ? 2 : 1; }
    printError(`internal error: ${(e as Error).stack ?? e}`);
    return 70;
  }
}
