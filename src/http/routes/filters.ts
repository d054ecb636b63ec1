import type { CommonFilter } from '../../store/store.js';
import type { Deps } from '../deps.js';

type FilterQuery = { from?: string; to?: string; lang?: string[]; actor?: string[]; type?: CommonFilter['type']; minIntensity?: number };

/** The store filter for the shared query parameters, with `actor` resolved through the codebook. */
export function commonFilter(d: Deps, q: FilterQuery): CommonFilter {
  return { from: q.from, to: q.to, lang: q.lang, actor: d.resolve(q.actor), type: q.type, minIntensity: q.minIntensity };
}

