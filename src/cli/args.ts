import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GeigerError } from '../errors.js';

/** Parses a command's arguments strictly; unknown options are a USAGE error, not a silent default. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new GeigerError('USAGE', (e as Error).message);
  }
}
