import type { Codebook } from '../codebook/load.js';
import { resolveName } from '../codebook/resolve-name.js';
import type { EntityType } from '../pipeline/analysis.js';
import type { Store, StoredEntity, StoredEvent, StoredQuote } from '../store/store.js';

export interface NetworkNode { key: string; name: string; type: EntityType | null; articles: number }
export interface NetworkEdge { source: string; target: string; weight: number }
export interface CoMention { key: string; name: string; id: string | null; type: EntityType; articles: number }

export interface ActorProfile {
  name: string;
  ids: string[];
  type: EntityType | null;
  /** Codebook surface forms per language key ("all", "en", "nl", …), adjectives apart. */
  aliases: Record<string, string[]>;
  adjectives: Record<string, string[]>;
  counts: { mentions: number; articles: number; quotes: number; eventsAsActor: number; eventsAsTarget: number };
  /** Newest first, up to the limit; the counts give the totals. */
  quotes: StoredQuote[];
  eventsAsActor: StoredEvent[];
  eventsAsTarget: StoredEvent[];
  coMentions: CoMention[];
  /** The actor and its top co-mentions; edge weight = articles naming both. */
  network: { nodes: NetworkNode[]; edges: NetworkEdge[] };
}

export interface ProfileOptions { limit?: number; top?: number; includeNearCopies?: boolean }

const keyOf = (e: { id: string | null; name: string }): string => e.id ?? `name:${e.name}`;

/** Co-mentioned entities of the articles in `rows` (entity rows of articles that mention the actor), most articles first. */
export function coMentions(rows: StoredEntity[], isSelf: (e: StoredEntity) => boolean): CoMention[] {
  const seen = new Set<string>();
  const out = new Map<string, CoMention>();
  for (const e of rows) {
    if (isSelf(e)) continue;
    const key = keyOf(e);
    const pair = `${e.articleId}\u0000${key}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const c = out.get(key);
    if (c) c.articles++;
    else out.set(key, { key, name: e.name, id: e.id, type: e.type, articles: 1 });
  }
  return [...out.values()].sort((x, y) => y.articles - x.articles || x.name.localeCompare(y.name));
}

/** The actor and its `top` co-mentions as nodes, with edges weighted by the articles (among the actor's) that name both ends. */
export function coMentionNetwork(
  self: NetworkNode, rows: StoredEntity[], isSelf: (e: StoredEntity) => boolean, top = 10,
): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const chosen = coMentions(rows, isSelf).slice(0, top);
  const keys = new Set(chosen.map((c) => c.key));
  const perArticle = new Map<string, Set<string>>();
  for (const e of rows) {
    const k = keyOf(e);
    if (isSelf(e) || !keys.has(k)) continue;
    let s = perArticle.get(e.articleId);
    if (!s) perArticle.set(e.articleId, (s = new Set()));
    s.add(k);
  }
  const weights = new Map<string, number>();
  for (const set of perArticle.values()) {
    const list = [...set].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const pair = `${list[i]}\u0000${list[j]}`;
        weights.set(pair, (weights.get(pair) ?? 0) + 1);
      }
    }
  }
  const edges: NetworkEdge[] = chosen.map((c) => ({ source: self.key, target: c.key, weight: c.articles }));
  for (const [pair, weight] of weights) {
    const [source, target] = pair.split('\u0000');
    edges.push({ source, target, weight });
  }
  return { nodes: [self, ...chosen.map((c) => ({ key: c.key, name: c.name, type: c.type, articles: c.articles }))], edges };
}

/** Everything known about one actor, resolved through the codebook ("Poetin" → Vladimir Putin). */
export async function actorProfile(store: Store, codebook: Codebook, text: string, options: ProfileOptions = {}): Promise<ActorProfile> {
  const resolved = resolveName(codebook, text);
  const keys = [...resolved.names, ...resolved.ids];
  const entry = resolved.ids.length > 0 ? codebook.byId.get(resolved.ids[0]) : undefined;
  const limit = options.limit ?? 50;
  const common = { includeNearCopies: options.includeNearCopies };
  const [ranks, quotes, asActor, asTarget, rows] = await Promise.all([
    store.actors({ ...common, actor: keys, entityTypes: ['PERSON', 'ORG', 'LOC', 'WEAPON', 'TREATY'] }),
    store.quotes({ ...common, speaker: keys, limit }),
    store.events({ ...common, actor: keys, limit }),
    store.events({ ...common, target: keys, limit }),
    store.entities({ ...common, actor: keys }),
  ]);
  const names = new Set(resolved.names);
  const ids = new Set(resolved.ids);
  const isSelf = (e: StoredEntity): boolean => (e.id !== null && ids.has(e.id)) || names.has(e.name);
  const mentions = ranks.items.reduce((s, r) => s + r.mentions, 0);
  const articles = new Set(rows.items.map((r) => r.articleId)).size;
  const name = entry?.name ?? resolved.names[0];
  const type = entry?.type ?? ranks.items.find((r) => r.type !== null)?.type ?? null;
  const self: NetworkNode = { key: resolved.ids[0] ?? `name:${name}`, name, type, articles };
  return {
    name,
    ids: resolved.ids,
    type,
    aliases: Object.fromEntries(Object.entries(entry?.aliases ?? {}).filter(([, v]) => v && v.length > 0)) as Record<string, string[]>,
    adjectives: Object.fromEntries(Object.entries(entry?.adjectives ?? {}).filter(([, v]) => v && v.length > 0)) as Record<string, string[]>,
    counts: { mentions, articles, quotes: quotes.total, eventsAsActor: asActor.total, eventsAsTarget: asTarget.total },
    quotes: quotes.items,
    eventsAsActor: asActor.items,
    eventsAsTarget: asTarget.items,
    coMentions: coMentions(rows.items, isSelf),
    network: coMentionNetwork(self, rows.items, isSelf, options.top ?? 10),
  };
}
