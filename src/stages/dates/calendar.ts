/** A publication date split into parts; `day` is null for month precision. */
export interface PubDate { year: number; month: number; day: number | null }

const PUB = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Parses "YYYY-MM" or "YYYY-MM-DD"; null otherwise. */
export function parsePubDate(date: string | null): PubDate | null {
  const m = date ? PUB.exec(date) : null;
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : null };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats a date at the precision given: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export function formatDate(year: number, month?: number | null, day?: number | null): string {
  if (!month) return String(year);
  if (!day) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Days in a month (1-based month). */
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Shifts a day-precision date by `days` and returns it formatted. */
export function addDays(p: PubDate, days: number): string {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day ?? 1) + days * 86400000);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Shifts a year-month by `months` and returns "YYYY-MM". */
export function addMonths(p: PubDate, months: number): string {
  const total = p.year * 12 + (p.month - 1) + months;
  return formatDate(Math.floor(total / 12), (total % 12) + 1);
}

/** The weekday (1 = Monday … 7 = Sunday) closest on or before the publication day, or the first after it when `forward`. */
export function resolveWeekday(p: PubDate, weekday: number, forward: boolean): string {
  const dow = ((new Date(Date.UTC(p.year, p.month - 1, p.day ?? 1)).getUTCDay() + 6) % 7) + 1;
  const delta = forward ? ((weekday - dow + 7) % 7 || 7) : -((dow - weekday + 7) % 7);
  return addDays(p, delta);
}

/** The year of a month named without one: the publication year, or the year before when the month lies more than two months ahead. */
export function yearForMonth(p: PubDate, month: number): number {
  return month > p.month + 2 ? p.year - 1 : p.year;
}
