import type { EventType } from '../../pipeline/analysis.js';
import type { AlertHit, Page, Paging, WatchRule } from '../store.js';
import { paging } from './conditions.js';
import type { Row, SqlRunner } from './sql-reader.js';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const HIT_COLUMNS = ['rule_id', 'article_id', 'event_index', 'date', 'title', 'type', 'actor', 'intensity', 'matched_at'];

function ruleOf(r: Row): WatchRule {
  return {
    id: String(r.id), name: String(r.name), actor: str(r.actor), actorKeys: JSON.parse(String(r.actor_keys)) as string[],
    type: str(r.type) as EventType | null, minIntensity: numOrNull(r.min_intensity), words: str(r.words), created: String(r.created),
  };
}

function hitOf(r: Row): AlertHit {
  const index = Number(r.event_index);
  return {
    ruleId: String(r.rule_id), articleId: String(r.article_id), eventIndex: index < 0 ? null : index, date: str(r.date),
    title: str(r.title), type: str(r.type) as EventType | null, actor: str(r.actor), intensity: numOrNull(r.intensity),
    matchedAt: String(r.matched_at),
  };
}

/** Watch rules and alert hits in SQL both adapters speak (every write uses RETURNING, so one runner serves both). */
export class WatchRuleSql {
  constructor(private readonly db: SqlRunner) {}

  async save(rule: WatchRule): Promise<void> {
    await this.db.all(
      `INSERT INTO watch_rules (id, name, actor, actor_keys, type, min_intensity, words, created)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [rule.id, rule.name, rule.actor, JSON.stringify(rule.actorKeys), rule.type, rule.minIntensity, rule.words, rule.created],
    );
  }

  async list(): Promise<WatchRule[]> {
    return (await this.db.all('SELECT * FROM watch_rules ORDER BY created, id', [])).map(ruleOf);
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.all('DELETE FROM watch_rules WHERE id = ? RETURNING id', [id])).length > 0;
  }

  async saveHits(hits: AlertHit[]): Promise<number> {
    if (hits.length === 0) return 0;
    const tuple = `(${HIT_COLUMNS.map(() => '?').join(', ')})`;
    const rows = await this.db.all(
      `INSERT INTO alert_hits (${HIT_COLUMNS.join(', ')}) VALUES ${hits.map(() => tuple).join(', ')}
       ON CONFLICT DO NOTHING RETURNING rule_id`,
      hits.flatMap((h) => [h.ruleId, h.articleId, h.eventIndex ?? -1, h.date, h.title, h.type, h.actor, h.intensity, h.matchedAt]),
    );
    return rows.length;
  }

  async hits(ruleId: string, f: Paging = {}): Promise<Page<AlertHit>> {
    const p = paging(f);
    const total = Number((await this.db.all('SELECT count(*) AS n FROM alert_hits WHERE rule_id = ?', [ruleId]))[0].n);
    const rows = await this.db.all(
      `SELECT * FROM alert_hits WHERE rule_id = ? ORDER BY matched_at DESC, article_id, event_index ${p.sql}`,
      [ruleId, ...p.params],
    );
    return { total, items: rows.map(hitOf) };
  }
}
