import { GeigerError } from '../errors.js';

/** A one-line status on a terminal's stderr, rewritten in place at most every `intervalMs`; silent when stderr is not a TTY. */
export class ProgressLine {
  private last = 0;
  private shown = false;
  private readonly enabled: boolean;

  constructor(private readonly intervalMs = 100, enabled = Boolean(process.stderr.isTTY)) {
    this.enabled = enabled;
  }

  /** Shows `text` unless the previous update was too recent (or `force`). */
  update(text: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < this.intervalMs) return;
    this.last = now;
    this.shown = true;
    const width = process.stderr.columns ? process.stderr.columns - 1 : 120;
    process.stderr.write(`\r${text.slice(0, width)}\x1b[K`);
  }

  /** Clears the line so later output starts on a clean line. */
  clear(): void {
    if (this.enabled && this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

/** "12.3/s" for a count over the time since `startedAt`. */
export function rate(count: number, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? `${(count / seconds).toFixed(1)}/s` : '-';
}

/** Parses a positive integer option, or throws a USAGE error naming it. */
export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new GeigerError('USAGE', `--${name} must be a positive integer, got "${value}"`);
  return n;
}
