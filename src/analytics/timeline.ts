import { EVENT_TYPES, type EventType } from '../pipeline/analysis.js';
import type { Store, Timeline, TimelineBucket, TimelineQuery } from '../store/store.js';
import { escalationIndex, type EscalationScore, type PeriodVolumes } from './escalation-index.js';

export interface IndexedBucket extends TimelineBucket, EscalationScore {
  /** Count and intensity sum per event type, the input of the index. */
  volumes: PeriodVolumes;
}
export interface IndexedTimeline extends Omit<Timeline, 'buckets'> { buckets: IndexedBucket[] }

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Adds per-type volumes and the escalation index to a timeline, given one single-type timeline per type. */
export function indexTimeline(base: Timeline, perType: Map<EventType, Timeline>): IndexedTimeline {
  const volumes = new Map<string, PeriodVolumes>();
  for (const [type, t] of perType) {
    for (const b of t.buckets) {
      if (b.events === 0) continue;
      let v = volumes.get(b.start);
      if (!v) volumes.set(b.start, (v = {}));
      v[type] = { count: b.events, intensitySum: b.intensitySum };
    }
  }
  return {
    by: base.by,
    undated: base.undated,
    buckets: base.buckets.map((b) => {
      const v = volumes.get(b.start) ?? {};
      return { ...b, volumes: v, ...escalationIndex(v) };
    }),
  };
}

/** The store's timeline with the escalation index per period (near copies left out unless asked for). */
export async function timelineWithIndex(store: Store, query: TimelineQuery): Promise<IndexedTimeline> {
  const base = await store.timeline(query);
  const wanted = asList(query.type);
  const present = (wanted.length > 0 ? wanted : [...EVENT_TYPES])
    .filter((type) => base.buckets.some((b) => (b.counts[type] ?? 0) > 0));
  const perType = new Map<EventType, Timeline>();
  if (present.length === 1) perType.set(present[0], base);
  else for (const type of present) perType.set(type, await store.timeline({ ...query, type }));
  return indexTimeline(base, perType);
}
