import { GeigerError } from '../errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses "500ms", "30s", "15m", "1h" (a bare number is seconds) into milliseconds; anything else is a USAGE error naming the option. */
export function parseDuration(value: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!m) throw new GeigerError('USAGE', `--${option} must be a duration like 30s, 15m or 1h, got "${value}"`);
  return Number(m[1]) * UNITS[m[2] ?? 's'];
}
