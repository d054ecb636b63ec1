const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break, with quotes doubled; null is empty. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 record, without the CRLF that ends it. */
export function csvRow(values: (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
