/** One column of a text table. */
export interface Column { header: string; align?: 'left' | 'right'; /** Longer cells are cut with "…". */ max?: number }

type Cell = string | number | null | undefined;

/** The text on one line, cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}

/** A bar of `width` cells at most, proportional to value/max. */
export function bar(value: number, max: number, width = 20): string {
  if (max <= 0 || value <= 0) return '';
  const cells = Math.max(1, Math.round((value / max) * width));
  return '█'.repeat(Math.min(width, cells));
}

const show = (c: Cell): string => (c === null || c === undefined ? '-' : String(c));

/** Lines of an aligned table: header, rule, rows; cells are flattened to one line and cut at the column's max. */
export function formatTable(columns: Column[], rows: Cell[][]): string[] {
  const cells = rows.map((r) => columns.map((col, i) => truncate(show(r[i]), col.max ?? 60)));
  const widths = columns.map((col, i) => Math.max(col.header.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) => values
    .map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i]) : i === values.length - 1 ? v : v.padEnd(widths[i])))
    .join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)];
}
