import { createHash } from 'node:crypto';
import type { EntityType, EventType } from '../pipeline/analysis.js';
import type { Store } from '../store/store.js';

/** What the clustering needs to know of one article. */
export interface StoryArticle {
  id: string;
  date: string | null;
  lang: string | null;
  title: string | null;
  nearDuplicateOf: string | null;
  /** Canonical keys (codebook id, else name) of the persons, organisations and places it mentions. */
  actors: string[];
  /** Canonical keys of every entity it mentions (actors, weapons, treaties). */
  entities: string[];
  eventTypes: EventType[];
  /** Its most intense event, to title a story whose first article has no title. */
  topEvent: { type: EventType; actor: string | null; target: string | null; intensity: number } | null;
}

export interface StoryOptions {
  /** Days two day-dated articles may lie apart (month-dated ones must share the month). Default 3. */
  windowDays?: number;
  /** Shared canonical actors needed, together with a shared event type. Default 2. */
  minSharedActors?: number;
  /** Jaccard similarity over entity keys and event types that links two articles sharing an entity. Default 0.5. */
  minJaccard?: number;
}

export interface StoryMember { id: string; date: string | null; lang: string | null; title: string | null; nearCopy: boolean }
export interface Story {
  /** "story-" + the first 12 hex digits of SHA-1 of the first article's id: stable while that article leads. */
  id: string;
  title: string;
  first: string | null;
  last: string | null;
  languages: string[];
  eventTypes: EventType[];
  /** Actor keys found in at least two of its articles (or all of a one-article story's), most shared first. */
  actors: string[];
  articles: StoryMember[];
}

export const ACTOR_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOC'];
const DAY_MS = 86_400_000;
const MIN_JACCARD_UNION = 3;

interface Prepared {
  article: StoryArticle;
  index: number;
  lo: number;
  hi: number;
  exact: boolean;
  actors: Set<string>;
  entities: string[];
  types: Set<EventType>;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const byDateThenId = (a: StoryMember, b: StoryMember): number =>
  (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function interval(date: string | null): { lo: number; hi: number; exact: boolean } | null {
  if (!date) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) {
    const d = Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS;
    return Number.isNaN(d) ? null : { lo: d, hi: d, exact: true };
  }
  if (/^\d{4}-\d{2}$/.test(date)) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    return { lo: Date.UTC(y, m - 1, 1) / DAY_MS, hi: Date.UTC(y, m, 1) / DAY_MS - 1, exact: false };
  }
  return null;
}

function prepare(article: StoryArticle, index: number): Prepared | null {
  const iv = interval(article.date);
  if (!iv) return null;
  return { article, index, ...iv, actors: new Set(article.actors), entities: [...new Set(article.entities)], types: new Set(article.eventTypes) };
}

/** The linking rule on precomputed overlaps: ≥ minSharedActors actors and a type, or Jaccard ≥ minJaccard with an entity shared. */
function links(a: Prepared, b: Prepared, sharedActors: number, sharedEntities: number, options: StoryOptions): boolean {
  const gap = Math.max(0, Math.max(a.lo, b.lo) - Math.min(a.hi, b.hi));
  if (gap > (a.exact && b.exact ? options.windowDays ?? 3 : 0)) return false;
  let sharedTypes = 0;
  for (const t of a.types) if (b.types.has(t)) sharedTypes++;
  if (sharedTypes >= 1 && sharedActors >= (options.minSharedActors ?? 2)) return true;
  const inter = sharedEntities + sharedTypes;
  const union = a.entities.length + a.types.size + b.entities.length + b.types.size - inter;
  return sharedEntities >= 1 && union >= MIN_JACCARD_UNION && inter / union >= (options.minJaccard ?? 0.5);
}

function overlaps(a: Prepared, b: Prepared): { actors: number; entities: number } {
  const set = new Set(b.entities);
  let actors = 0;
  let entities = 0;
  for (const k of a.entities) {
    if (!set.has(k)) continue;
    entities++;
    if (a.actors.has(k) && b.actors.has(k)) actors++;
  }
  return { actors, entities };
}

/** True when two articles tell the same story: dates align, and they share actors and an event type, or much of their content. */
export function sameStory(a: StoryArticle, b: StoryArticle, options: StoryOptions = {}): boolean {
  const pa = prepare(a, 0);
  const pb = prepare(b, 1);
  if (!pa || !pb) return false;
  const o = overlaps(pa, pb);
  return links(pa, pb, o.actors, o.entities, options);
}

function storyId(firstId: string): string {
  return `story-${createHash('sha1').update(firstId).digest('hex').slice(0, 12)}`;
}

function titleOf(a: StoryArticle): string {
  if (a.title) return a.title;
  const e = a.topEvent;
  if (e) return `${e.type} ${e.actor ?? 'unknown actor'}${e.target ? ` → ${e.target}` : ''}`;
  return a.id;
}

/** Clusters articles into stories across languages (union-find over aligned pairs); near copies join their original's story. */
export function clusterStories(articles: StoryArticle[], options: StoryOptions = {}): Story[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const isCopy = (a: StoryArticle): boolean => a.nearDuplicateOf !== null && byId.has(a.nearDuplicateOf);
  const originals = articles.filter((a) => !isCopy(a));
  const uf = new UnionFind(originals.length);
  const prepared = originals.map(prepare).filter((p): p is Prepared => p !== null).sort((x, y) => x.lo - y.lo);
  const window = options.windowDays ?? 3;
  const recent = new Map<string, Prepared[]>();
  const shared = new Map<Prepared, { actors: number; entities: number }>();
  for (const d of prepared) {
    shared.clear();
    for (const key of d.entities) {
      const list = recent.get(key);
      if (!list) { recent.set(key, [d]); continue; }
      let live = 0;
      for (const o of list) {
        if (o.hi + window < d.lo) continue;
        list[live++] = o;
        let c = shared.get(o);
        if (!c) shared.set(o, (c = { actors: 0, entities: 0 }));
        c.entities++;
        if (d.actors.has(key) && o.actors.has(key)) c.actors++;
      }
      list.length = live;
      list.push(d);
    }
    for (const [o, c] of shared) {
      if (uf.find(o.index) !== uf.find(d.index) && links(o, d, c.actors, c.entities, options)) uf.union(o.index, d.index);
    }
  }
  const indexOf = new Map(originals.map((a, i) => [a.id, i]));
  const groups = new Map<number, StoryArticle[]>();
  const add = (root: number, a: StoryArticle) => {
    const g = groups.get(root);
    if (g) g.push(a);
    else groups.set(root, [a]);
  };
  originals.forEach((a, i) => add(uf.find(i), a));
  for (const a of articles) {
    if (!isCopy(a)) continue;
    let origin = byId.get(a.nearDuplicateOf!)!;
    for (let hops = 0; isCopy(origin) && hops < 16; hops++) origin = byId.get(origin.nearDuplicateOf!)!;
    const i = indexOf.get(origin.id);
    if (i !== undefined) add(uf.find(i), a);
  }
  const stories: Story[] = [];
  for (const members of groups.values()) stories.push(toStory(members, byId, isCopy));
  return stories.sort((x, y) => y.articles.length - x.articles.length || ((y.last ?? '') < (x.last ?? '') ? -1 : (y.last ?? '') > (x.last ?? '') ? 1 : 0) || (x.id < y.id ? -1 : 1));
}

function toStory(members: StoryArticle[], byId: Map<string, StoryArticle>, isCopy: (a: StoryArticle) => boolean): Story {
  const list: StoryMember[] = members.map((a) => ({ id: a.id, date: a.date, lang: a.lang, title: a.title, nearCopy: isCopy(a) }));
  list.sort(byDateThenId);
  const lead = byId.get((list.find((m) => !m.nearCopy) ?? list[0]).id)!;
  const dates = list.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const actorCounts = new Map<string, number>();
  for (const a of members) if (!isCopy(a)) for (const k of new Set(a.actors)) actorCounts.set(k, (actorCounts.get(k) ?? 0) + 1);
  const originals = members.filter((a) => !isCopy(a)).length;
  const minShare = originals > 1 ? 2 : 1;
  return {
    id: storyId(lead.id),
    title: titleOf(lead),
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    languages: [...new Set(list.map((m) => m.lang).filter((l): l is string => l !== null))].sort(),
    eventTypes: [...new Set(members.flatMap((a) => a.eventTypes))].sort(),
    actors: [...actorCounts].filter(([, n]) => n >= minShare).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k),
    articles: list,
  };
}

/** Filters for gathering articles to cluster. */
export interface StoryFilter { from?: string; to?: string; lang?: string | string[]; relevantOnly?: boolean }

/** Reads the articles, their entities and events from the store (three bulk queries) in the shape clusterStories takes. */
export async function storyArticles(store: Store, filter: StoryFilter = {}): Promise<{ articles: StoryArticle[]; names: Map<string, string> }> {
  const base = { from: filter.from, to: filter.to, lang: filter.lang, relevantOnly: filter.relevantOnly };
  const [list, entities, events] = await Promise.all([
    store.listArticles({ ...base, includeNearCopies: true }),
    store.entities({ ...base, includeNearCopies: true }),
    store.events({ ...base, includeNearCopies: true }),
  ]);
  const byId = new Map<string, StoryArticle>();
  for (const a of list.items) {
    byId.set(a.id, { id: a.id, date: a.date, lang: a.lang, title: a.title, nearDuplicateOf: a.nearDuplicateOf, actors: [], entities: [], eventTypes: [], topEvent: null });
  }
  const names = new Map<string, string>();
  for (const e of entities.items) {
    const a = byId.get(e.articleId);
    if (!a) continue;
    const key = e.id ?? `name:${e.name}`;
    names.set(key, e.name);
    a.entities.push(key);
    if (ACTOR_TYPES.includes(e.type)) a.actors.push(key);
  }
  for (const e of events.items) {
    const a = byId.get(e.articleId);
    if (!a) continue;
    if (!a.eventTypes.includes(e.type)) a.eventTypes.push(e.type);
    if (!a.topEvent || e.intensity > a.topEvent.intensity) a.topEvent = { type: e.type, actor: e.actor, target: e.target, intensity: e.intensity };
  }
  return { articles: [...byId.values()], names };
}

/** Stories of the stored articles, with actor keys replaced by their names. */
export async function storiesFromStore(store: Store, filter: StoryFilter = {}, options: StoryOptions = {}): Promise<Story[]> {
  const { articles, names } = await storyArticles(store, filter);
  return clusterStories(articles, options).map((s) => ({ ...s, actors: s.actors.map((k) => names.get(k) ?? k) }));
}
