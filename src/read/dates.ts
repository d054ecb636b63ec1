const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};
const ISO_PREFIX = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?=$|[T\s])/;
const RFC822 = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/;

/** Normalises a feed, meta or WARC date to "YYYY-MM-DD" (or "YYYY-MM"), keeping the calendar day as written; null if unparseable. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = ISO_PREFIX.exec(text);
  if (iso) return validDate(iso[1], iso[2], iso[3]);
  const rfc = RFC822.exec(text);
  if (rfc) {
    const month = MONTHS[rfc[2].toLowerCase()];
    if (month) return validDate(rfc[3], month, rfc[1].padStart(2, '0'));
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function validDate(year: string, month: string, day: string | undefined): string | null {
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return `${year}-${month}`;
  const d = Number(day);
  return d >= 1 && d <= 31 ? `${year}-${month}-${day}` : null;
}
