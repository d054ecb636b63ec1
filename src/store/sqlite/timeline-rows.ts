import type { Analysis } from '../../pipeline/analysis.js';

/**
 * The properties of an article that key its rows in the timeline tables (see migration 4): near copy or not,
 * dated or not, the date ('' when undated), the language ('' when unknown), relevance.
 */
export interface DayKey { near: number; dated: number; date: string; lang: string; relevant: number }

export const dayKey = (date: string | null, lang: string | null, relevant: unknown, near: boolean): DayKey => ({
  near: near ? 1 : 0, dated: date === null ? 0 : 1, date: date ?? '', lang: lang ?? '', relevant: relevant ? 1 : 0,
});

/** The month column of timeline_event_months for a date column of the day tables, in SQL and in JS. */
export const MONTH_OF_DATE = '(CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) ELSE date END)';
export const monthOf = (date: string): string => (date.length >= 7 ? date.slice(0, 7) : date);

interface EventSum { values: unknown[]; n: number; sum: number; max: number }

const EVENT_UPSERT = (table: string, column: string) => `INSERT INTO ${table}
  (near, negated, dated, ${column}, type, lang, relevant, events, intensity_sum, intensity_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET events = events + excluded.events, intensity_sum = intensity_sum + excluded.intensity_sum,
    intensity_max = max(intensity_max, excluded.intensity_max)`;
const ARTICLE_UPSERT = `INSERT INTO timeline_article_days (near, dated, date, lang, relevant, articles) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET articles = articles + excluded.articles`;

/** What the articles saved in one transaction add to the timeline tables, summed in memory and written once per row. */
export class TimelineAdditions {
  private readonly articles = new Map<string, { values: unknown[]; n: number }>();
  private readonly days = new Map<string, EventSum>();
  private readonly months = new Map<string, EventSum>();

  /** Counts a new article and its events. */
  add(key: DayKey, analysis: Analysis): void {
    const k = [key.near, key.dated, key.date, key.lang, key.relevant];
    const id = JSON.stringify(k);
    const a = this.articles.get(id);
    if (a) a.n++;
    else this.articles.set(id, { values: k, n: 1 });
    const month = monthOf(key.date);
    for (const e of analysis.events) {
      const negated = e.negated ? 1 : 0;
      this.sum(this.days, [key.near, negated, key.dated, key.date, e.type, key.lang, key.relevant], e.intensity);
      this.sum(this.months, [key.near, negated, key.dated, month, e.type, key.lang, key.relevant], e.intensity);
    }
  }

  /** Writes the sums (inside the transaction that saved the articles). */
  write(run: (sql: string, params: unknown[]) => unknown): void {
    for (const a of this.articles.values()) run(ARTICLE_UPSERT, [...a.values, a.n]);
    for (const [map, table, column] of [[this.days, 'timeline_event_days', 'date'], [this.months, 'timeline_event_months', 'month']] as const) {
      for (const s of map.values()) run(EVENT_UPSERT(table, column), [...s.values, s.n, s.sum, s.max]);
    }
  }

  private sum(map: Map<string, EventSum>, values: unknown[], intensity: number): void {
    const id = JSON.stringify(values);
    const s = map.get(id);
    if (s) {
      s.n++;
      s.sum += intensity;
      s.max = Math.max(s.max, intensity);
    } else {
      map.set(id, { values, n: 1, sum: intensity, max: intensity });
    }
  }
}
