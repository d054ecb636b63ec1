import type { Analysis } from '../pipeline/analysis.js';
import type { AlertHit, Store, WatchRule } from '../store/store.js';
import { matchRule } from './rules.js';

export interface EvaluateOptions {
  /** The rules to try (default: every stored rule); pass them to save a query per article in a batch. */
  rules?: WatchRule[];
  /** The article body (default: read from the store when a rule has words). */
  text?: string;
  now?: Date;
}

/** Runs the watch rules over a freshly saved article and stores the hits; returns them. */
export async function evaluateRules(
  store: Store, articleId: string, analysis: Analysis, options: EvaluateOptions = {},
): Promise<AlertHit[]> {
  const rules = options.rules ?? await store.listWatchRules();
  if (rules.length === 0) return [];
  let text = options.text;
  if (text === undefined && rules.some((r) => r.words !== null)) text = (await store.getArticle(articleId))?.article.text ?? '';
  const matchedAt = (options.now ?? new Date()).toISOString();
  const hits: AlertHit[] = [];
  for (const rule of rules) {
    for (const m of matchRule(rule, analysis, text ?? '')) {
      hits.push({ ruleId: rule.id, articleId, date: analysis.date, title: analysis.title ?? null, matchedAt, ...m });
    }
  }
  await store.saveAlertHits(hits);
  return hits;
}

/** A callback for ingest that evaluates the stored watch rules (loaded once) on every newly stored article. */
export async function alertsOnStored(store: Store): Promise<(article: { id: string; text: string }, analysis: Analysis) => Promise<void>> {
  const rules = await store.listWatchRules();
  return async (article, analysis) => {
    if (rules.length) await evaluateRules(store, article.id, analysis, { rules, text: article.text });
  };
}
