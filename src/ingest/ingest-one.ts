import type { Analysis } from '../pipeline/analysis.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import {
  contentHash, hammingDistance, nearDuplicateBands, NEAR_DUPLICATE_BITS, NEAR_DUPLICATE_CANDIDATE_BITS,
  NEAR_DUPLICATE_SIMILARITY, shingles, shingleSimilarity,
} from '../read/index.js';
import type { SearchText } from '../store/sql/derived-rows.js';
import type { SaveArticleInput, SaveResult, Store, Versions } from '../store/store.js';
import { analyseInProcess, type AnalyseBatch } from './analysed.js';
import { failureFor, type IngestOutcome } from './outcome.js';

/** An article hashed and analysed, ready to commit; or already settled (a stored copy, a failed analysis). */
export type Prepared =
  | {
    kind: 'ready'; article: Article; hash: string; fingerprint: string; bands: string[]; analysis: Analysis;
    searchText?: SearchText; recordJson?: string; versions: Versions;
  }
  | { kind: 'settled'; outcome: IngestOutcome };

/** Hashes and analyses an article (CPU work, read-only on the store), skipping the analysis of content already stored. */
export async function prepareArticle(store: Store, pipeline: Pipeline, article: Article): Promise<Prepared> {
  return (await prepareBatch(store, analyseInProcess(pipeline), [article]))[0];
}

/**
 * Hashes articles, looks their content up in the store, and analyses (with `analyse`, in process or in workers)
 * only those not stored yet. Returns one Prepared per article, in order.
 */
export async function prepareBatch(store: Store, analyse: AnalyseBatch, articles: Article[]): Promise<Prepared[]> {
  const out: Prepared[] = new Array(articles.length);
  const hashes: string[] = new Array(articles.length);
  const todo: number[] = [];
  for (const [i, article] of articles.entries()) {
    try {
      hashes[i] = contentHash(article.text);
    } catch (error) {
      out[i] = { kind: 'settled', outcome: { kind: 'failed', failure: failureFor(article, `hashing failed: ${(error as Error).message}`) } };
      continue;
    }
    const stored = await store.findByContentHash(hashes[i]);
    if (stored !== null) out[i] = { kind: 'settled', outcome: { kind: 'duplicate', id: article.id, of: stored } };
    else todo.push(i);
  }
  const analysed = await analyse(todo.map((i) => articles[i]));
  for (const [k, i] of todo.entries()) {
    const article = articles[i];
    const result = analysed[k];
    out[i] = 'error' in result
      ? { kind: 'settled', outcome: { kind: 'failed', failure: failureFor(article, result.error) } }
      : {
        kind: 'ready', article, hash: hashes[i], fingerprint: result.fingerprint,
        bands: nearDuplicateBands(result.fingerprint), analysis: result.analysis, searchText: result.searchText,
        recordJson: result.recordJson,
        versions: { pipelineVersion: result.pipelineVersion, codebookVersion: result.codebookVersion },
      };
  }
  return out;
}

/** Candidates further than NEAR_DUPLICATE_BITS confirmed on their texts per article, closest first: bounds the work
 * when a store holds many similar texts (templated notices, say), where each check reads a stored body. */
export const MAX_TEXT_CHECKS = 8;

/** An article committed earlier in the same batch: a near-copy candidate the store cannot see yet. */
export interface BatchArticle { id: string; simhash: string; bands: string[]; root: string | null; text: string }

interface Candidate { id: string; simhash: string; root: string | null; text: string | null; distance: number }

/**
 * Finds the near-duplicate root for a fingerprint (the closest candidate's own root), or null. Candidates are the
 * stored articles and the `batch` articles sharing a SimHash band. Those within NEAR_DUPLICATE_BITS count at once;
 * those a little further are confirmed on the texts (shingle Jaccard), closest first, at most MAX_TEXT_CHECKS.
 */
export async function nearDuplicateRoot(
  store: Store, fingerprint: string, bands: string[], selfId: string, text: string, batch: readonly BatchArticle[] = [],
): Promise<string | null> {
  const stored = (await store.findNearDuplicateCandidates(bands))
    .map((c) => ({ id: c.id, simhash: c.simhash, root: c.nearDuplicateOf, text: null }));
  const own = new Set(bands);
  const recent = batch.filter((b) => b.bands.some((band) => own.has(band)));
  const close: Candidate[] = [...stored, ...recent]
    .filter((c) => c.id !== selfId)
    .map((c) => ({ ...c, distance: hammingDistance(fingerprint, c.simhash) }))
    .filter((c) => c.distance <= NEAR_DUPLICATE_CANDIDATE_BITS)
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let ownShingles: Set<number> | null = null;
  let checks = 0;
  for (const candidate of close) {
    if (candidate.distance > NEAR_DUPLICATE_BITS) {
      if (checks++ >= MAX_TEXT_CHECKS) break;
      const other = candidate.text ?? await store.articleText(candidate.id);
      ownShingles ??= shingles(text);
      if (other === null || shingleSimilarity(ownShingles, shingles(other)) < NEAR_DUPLICATE_SIMILARITY) continue;
    }
    return candidate.root ?? candidate.id;
  }
  return null;
}

/**
 * Links prepared articles to their near-duplicate roots (in input order, each seeing the ones before it) and saves
 * them in one store transaction. Should that transaction fail, each article is saved on its own, so one bad
 * article costs only itself. Returns one outcome per input, in order.
 */
export async function commitBatch(store: Store, prepared: readonly Prepared[]): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(prepared.length);
  const batch: BatchArticle[] = [];
  const byHash = new Map<string, string>();
  const pending: { index: number; input: SaveArticleInput; root: string | null }[] = [];
  for (const [index, ready] of prepared.entries()) {
    if (ready.kind === 'settled') { outcomes[index] = ready.outcome; continue; }
    const { article, hash, fingerprint, bands, analysis, searchText, recordJson, versions } = ready;
    const earlier = byHash.get(hash);
    if (earlier !== undefined) { outcomes[index] = { kind: 'duplicate', id: article.id, of: earlier }; continue; }
    let root: string | null;
    try {
      root = await nearDuplicateRoot(store, fingerprint, bands, article.id, article.text, batch);
    } catch (error) {
      outcomes[index] = { kind: 'failed', failure: failureFor(article, `not stored: ${(error as Error).message}`) };
      continue;
    }
    byHash.set(hash, article.id);
    batch.push({ id: article.id, simhash: fingerprint, bands, root, text: article.text });
    pending.push({
      index, root,
      input: {
        article, analysis, contentHash: hash, simhash: fingerprint, bands, nearDuplicateOf: root, ...versions,
        ...(searchText ? { searchText } : {}), ...(recordJson ? { recordJson } : {}),
      },
    });
  }
  let results: (SaveResult | Error)[];
  try {
    results = await store.saveArticles(pending.map((p) => p.input));
  } catch {
    results = [];
    for (const { input } of pending) results.push(await store.saveArticle(input).catch((error: unknown) => error as Error));
  }
  for (const [k, { index, input, root }] of pending.entries()) {
    const result = results[k];
    const id = input.article.id;
    if (result instanceof Error) {
      outcomes[index] = { kind: 'failed', failure: failureFor(input.article, `not stored: ${result.message}`) };
    } else if (result === 'new') {
      outcomes[index] = root ? { kind: 'near', id, of: root } : { kind: 'new', id };
    } else {
      const of = result === 'exists' ? id : await store.findByContentHash(input.contentHash).catch(() => null);
      outcomes[index] = { kind: 'duplicate', id, of };
    }
  }
  return outcomes;
}

/** Links a prepared article to its near-duplicate root and saves it with its analysis in one store transaction. */
export async function commitPrepared(store: Store, prepared: Prepared): Promise<IngestOutcome> {
  return (await commitBatch(store, [prepared]))[0];
}

/** Ingests one article (the unit the feed follower and the HTTP API use); `onStored` runs when it is stored as new. */
export async function ingestArticle(
  store: Store, pipeline: Pipeline, article: Article, onStored?: (article: Article, analysis: Analysis) => Promise<void>,
): Promise<IngestOutcome> {
  const prepared = await prepareArticle(store, pipeline, article);
  const outcome = await commitPrepared(store, prepared);
  if (outcome.kind === 'new' && prepared.kind === 'ready') await onStored?.(prepared.article, prepared.analysis);
  return outcome;
}
