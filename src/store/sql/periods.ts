import type { Period } from '../store.js';

const DAY_MS = 86_400_000;
const MAX_FILLED = 20_000;

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The period holding a date and its first day, or null when the date is coarser than the period. */
export function periodOf(date: string | null, by: Period): { period: string; start: string } | null {
  if (!date) return null;
  if (by === 'month') return date.length >= 7 ? { period: date.slice(0, 7), start: `${date.slice(0, 7)}-01` } : null;
  if (date.length < 10) return null;
  const day = date.slice(0, 10);
  if (by === 'day') return { period: day, start: day };
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const monday = ms - weekday * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { period: `${year}-W${pad(week)}`, start: iso(monday) };
}

/** The first day of the period after the one starting on `start`. */
export function nextStart(start: string, by: Period): string {
  const ms = Date.parse(`${start}T00:00:00Z`);
  if (by === 'day') return iso(ms + DAY_MS);
  if (by === 'week') return iso(ms + 7 * DAY_MS);
  const d = new Date(ms);
  return `${d.getUTCMonth() === 11 ? d.getUTCFullYear() + 1 : d.getUTCFullYear()}-${pad((d.getUTCMonth() + 1) % 12 + 1)}-01`;
}

/** Every period start from `first` to `last` inclusive (capped, so a wild range cannot blow up). */
export function periodStarts(first: string, last: string, by: Period): string[] {
  const out: string[] = [];
  for (let s = first; s <= last && out.length < MAX_FILLED; s = nextStart(s, by)) out.push(s);
  return out;
}
