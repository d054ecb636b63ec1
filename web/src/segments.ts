/** A range of the text that carries an item (an entity mention, a quote, a search hit …). */
export interface Mark<T> { start: number; end: number; item: T }

/** A slice of the text with the items that cover it, in the order the marks were given. */
export interface Segment<T> {
  start: number;
  end: number;
  text: string;
  items: T[];
  /** Items whose range starts / ends at this slice. */
  starts: T[];
  ends: T[];
}

/** Cuts the text at every mark boundary so that each slice is covered by a fixed set of marks. */
export function segment<T>(text: string, marks: Mark<T>[]): Segment<T>[] {
  const length = text.length;
  const valid = marks
    .map((m) => ({ start: Math.max(0, Math.min(length, m.start)), end: Math.max(0, Math.min(length, m.end)), item: m.item }))
    .filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end) && m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) { cuts.add(m.start); cuts.add(m.end); }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Segment<T>[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i];
    const end = sorted[i + 1];
    const items: T[] = [];
    const starts: T[] = [];
    const ends: T[] = [];
    for (const m of valid) {
      if (m.start <= start && m.end >= end) {
        items.push(m.item);
        if (m.start === start) starts.push(m.item);
        if (m.end === end) ends.push(m.item);
      }
    }
    out.push({ start, end, text: text.slice(start, end), items, starts, ends });
  }
  return out;
}
