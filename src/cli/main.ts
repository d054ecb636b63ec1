import { GeigerError } from '../errors.js';
import { analyzeCommand } from './analyze.js';
import { demoCommand } from './demo.js';
import { evalCommand } from './eval.js';
import { explainCommand } from './explain.js';
import { printError } from './output.js';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: analyzeCommand, help: 'analyse articles; print records (--json) or summaries' },
  explain: { run: explainCommand, help: 'show every extracted item with its evidence and rule' },
  eval: { run: evalCommand, help: 'score against gold records (precision/recall/F1)' },
  demo: { run: demoCommand, help: 'analyse the bundled demo corpus and print a summary' },
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
