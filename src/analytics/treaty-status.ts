import type { Span, TreatyAction } from '../pipeline/analysis.js';
import type { EventFilter, Store, StoredEvent } from '../store/store.js';

/** The status a treaty is in after each action. */
export const STATUS_AFTER: Readonly<Record<TreatyAction, string>> = {
  suspend: 'suspended',
  withdraw: 'withdrawn',
  violate: 'violated',
  extend: 'extended',
  sign: 'signed',
  ratify: 'ratified',
  'de-ratify': 'de-ratified',
  comply: 'in force',
  'stop-data-exchange': 'data exchange stopped',
  'resume-data-exchange': 'data exchange resumed',
  agree: 'agreed',
};

/** One reported act on a treaty, with its source. */
export interface TreatyAct {
  /** When the act happened as the text says, else the article's date. */
  date: string | null;
  action: TreatyAction | null;
  status: string | null;
  actor: string | null;
  target: string | null;
  intensity: number;
  hypothetical: boolean;
  articleId: string;
  articleDate: string | null;
  lang: string | null;
  title: string | null;
  evidence: Span;
}

export interface TreatyStatus {
  /** The treaty's canonical name, or null when the events do not name one. */
  treaty: string | null;
  /** Oldest first; undated last. */
  acts: TreatyAct[];
  /** The latest reported status (hypothetical acts do not count) and the act that set it. */
  status: string | null;
  latest: TreatyAct | null;
  /** Each party's latest status: one party may have suspended while the other stopped sharing data. */
  byActor: { actor: string | null; status: string; date: string | null }[];
}

const order = (a: TreatyAct, b: TreatyAct): number => {
  const x = a.date ?? '\uffff';
  const y = b.date ?? '\uffff';
  if (x !== y) return x < y ? -1 : 1;
  const ax = a.articleDate ?? '\uffff';
  const ay = b.articleDate ?? '\uffff';
  return ax < ay ? -1 : ax > ay ? 1 : a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
};

function actOf(e: StoredEvent): TreatyAct {
  return {
    date: e.when ?? e.date, action: e.action, status: e.action ? STATUS_AFTER[e.action] ?? e.action : null,
    actor: e.actor, target: e.target, intensity: e.intensity, hypothetical: e.hypothetical,
    articleId: e.articleId, articleDate: e.date, lang: e.lang, title: e.title, evidence: e.evidence,
  };
}

/** Each treaty's acts over time with sources, and its latest reported status overall and per party. */
export function treatyStatus(events: StoredEvent[]): TreatyStatus[] {
  const byTreaty = new Map<string | null, TreatyAct[]>();
  for (const e of events) {
    if (e.type !== 'TREATY' || e.negated) continue;
    const list = byTreaty.get(e.treaty);
    if (list) list.push(actOf(e));
    else byTreaty.set(e.treaty, [actOf(e)]);
  }
  const out: TreatyStatus[] = [];
  for (const [treaty, acts] of byTreaty) {
    acts.sort(order);
    const real = acts.filter((a) => a.status !== null && !a.hypothetical);
    const latest = real[real.length - 1] ?? null;
    const perActor = new Map<string | null, { actor: string | null; status: string; date: string | null }>();
    for (const a of real) perActor.set(a.actor, { actor: a.actor, status: a.status!, date: a.date });
    out.push({ treaty, acts, status: latest?.status ?? null, latest, byActor: [...perActor.values()] });
  }
  const lastDate = (s: TreatyStatus) => s.acts.map((a) => a.date ?? '').sort().pop() ?? '';
  return out.sort((x, y) => (x.treaty === null ? 1 : 0) - (y.treaty === null ? 1 : 0) || lastDate(y).localeCompare(lastDate(x)) || (x.treaty ?? '').localeCompare(y.treaty ?? ''));
}

/** The treaty status of the store's TREATY events (near copies left out). */
export async function treatyStatusFromStore(store: Store, filter: Omit<EventFilter, 'type'> = {}): Promise<TreatyStatus[]> {
  const events = await store.events({ ...filter, type: 'TREATY', limit: undefined, offset: undefined });
  return treatyStatus(events.items);
}
