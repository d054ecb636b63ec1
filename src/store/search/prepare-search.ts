import type { SearchQuery } from '../store.js';
import { asList } from '../sql/conditions.js';
import { assertPositive, parseQuery, positiveKeys, type QueryNode } from './search-query.js';

/** A parsed, checked search with the languages its words are stemmed for and the keys snippets highlight. */
export interface PreparedSearch { node: QueryNode; langs: string[]; keys: Set<string> }

/** Parses and checks a search; null when the query holds no words. `storedLangs` are the languages in the store. */
export function prepareSearch(query: SearchQuery, storedLangs: string[]): PreparedSearch | null {
  const node = parseQuery(query.q);
  if (!node) return null;
  assertPositive(node);
  const filtered = asList(query.lang);
  const langs = filtered.length > 0 ? filtered : storedLangs;
  return { node, langs, keys: positiveKeys(node, langs) };
}
