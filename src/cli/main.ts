import { GeigerError } from '../errors.js';
import { analyzeCommand } from './analyze.js';
import { demoCommand } from './demo.js';
import { evalCommand } from './eval.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { followCommand } from './follow.js';
import { ingestCommand } from './ingest.js';
import { reanalyzeCommand } from './reanalyze.js';
import { actorsCommand } from './actors.js';
import { claimsCommand } from './claims.js';
import { eventsCommand } from './events.js';
import { quotesCommand } from './quotes.js';
import { searchCommand } from './search.js';
import { storiesCommand } from './stories.js';
import { timelineCommand } from './timeline.js';
import { treatiesCommand } from './treaties.js';
import { serveCommand } from './serve.js';
import { startCommand } from './start.js';
import { watchCommand } from './watch.js';
import { printError } from './output.js';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: analyzeCommand, help: 'analyse articles; print records (--json) or summaries' },
  explain: { run: explainCommand, help: 'show every extracted item with its evidence and rule' },
  eval: { run: evalCommand, help: 'score against gold records (precision/recall/F1)' },
  ingest: { run: ingestCommand, help: 'read, deduplicate, analyse and store articles (--db FILE)' },
  reanalyze: { run: reanalyzeCommand, help: 'recompute stored analyses made by an older pipeline or codebook' },
  export: { run: exportCommand, help: 'export analyses or events as JSON Lines, CSV or GDELT 2.0 rows' },
  follow: { run: followCommand, help: 'poll RSS/Atom feeds and ingest new items (--once, --every 15m)' },
  search: { run: searchCommand, help: 'full-text search (phrases, AND/OR/NOT) with highlighted snippets' },
  quotes: { run: quotesCommand, help: 'quotes by speaker in any language (--speaker Poetin), direct or reported' },
  events: { run: eventsCommand, help: 'events by type, actor, target and intensity' },
  claims: { run: claimsCommand, help: 'the claims ledger with conflicting estimates; --balance for the latest per holder' },
  actors: { run: actorsCommand, help: 'top actors by mentions, quotes and events; NAME for one actor\'s profile' },
  timeline: { run: timelineCommand, help: 'event counts and the escalation index per day, week or month' },
  stories: { run: storiesCommand, help: 'articles clustered into stories across languages' },
  treaties: { run: treatiesCommand, help: 'each treaty\'s reported acts and latest status' },
  demo: { run: demoCommand, help: 'analyse the bundled demo corpus and print a summary' },
  serve: { run: serveCommand, help: 'serve the JSON API, OpenAPI document, alert feeds and dashboard' },
  watch: { run: watchCommand, help: 'watch rules (alerts): add, list, rm' },
  start: { run: startCommand, help: 'fill an empty store with the demo corpus, then serve the dashboard' },
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
    return await command.run(rest);
  } catch (e) {
    if (e instanceof GeigerError) { printError(e.describe()); return e.code === 'USAGE' ? 2 : 1; }
    printError(`internal error: ${(e as Error).stack ?? e}`);
    return 70;
  }
}
