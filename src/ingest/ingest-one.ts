import type { Analysis } from '../pipeline/analysis.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import {
  contentHash, hammingDistance, NEAR_DUPLICATE_BANDS, NEAR_DUPLICATE_BITS, NEAR_DUPLICATE_CANDIDATE_BITS,
  NEAR_DUPLICATE_SIMILARITY, simhash, simhashBands, textSimilarity,
} from '../read/index.js';
import type { Store } from '../store/store.js';
import { failureFor, type IngestOutcome } from './outcome.js';

/** An article hashed and analysed, ready to commit; or already settled (a stored copy, a failed analysis). */
export type Prepared =
  | { kind: 'ready'; article: Article; hash: string; fingerprint: string; bands: string[]; analysis: Analysis }
  | { kind: 'settled'; outcome: IngestOutcome };

/** Hashes and analyses an article (CPU work, read-only on the store), skipping the analysis of content already stored. */
export async function prepareArticle(store: Store, pipeline: Pipeline, article: Article): Promise<Prepared> {
  let hash: string;
  let fingerprint: string;
  try {
    hash = contentHash(article.text);
    fingerprint = simhash(article.text);
  } catch (error) {
    return { kind: 'settled', outcome: { kind: 'failed', failure: failureFor(article, `hashing failed: ${(error as Error).message}`) } };
  }
  const stored = await store.findByContentHash(hash);
  if (stored !== null) return { kind: 'settled', outcome: { kind: 'duplicate', id: article.id, of: stored } };
  let analysis: Analysis;
  try {
    analysis = pipeline.analyze(article);
  } catch (error) {
    return { kind: 'settled', outcome: { kind: 'failed', failure: failureFor(article, `analysis failed: ${(error as Error).message}`) } };
  }
  return { kind: 'ready', article, hash, fingerprint, bands: simhashBands(fingerprint, NEAR_DUPLICATE_BANDS), analysis };
}

/**
 * Finds the near-duplicate root for a fingerprint (the closest stored candidate's own root), or null. Candidates
 * within NEAR_DUPLICATE_BITS count at once; those a little further are confirmed on the texts (shingle Jaccard).
 */
export async function nearDuplicateRoot(store: Store, fingerprint: string, bands: string[], selfId: string, text: string): Promise<string | null> {
  let best: { root: string; distance: number } | null = null;
  for (const candidate of await store.findNearDuplicateCandidates(bands)) {
    if (candidate.id === selfId) continue;
    const distance = hammingDistance(fingerprint, candidate.simhash);
    if (distance > NEAR_DUPLICATE_CANDIDATE_BITS) continue;
    if (distance > NEAR_DUPLICATE_BITS) {
      const stored = await store.getArticle(candidate.id);
      if (!stored || textSimilarity(text, stored.article.text) < NEAR_DUPLICATE_SIMILARITY) continue;
    }
    if (!best || distance < best.distance) best = { root: candidate.nearDuplicateOf ?? candidate.id, distance };
  }
  return best?.root ?? null;
}

/** Links a prepared article to its near-duplicate root and saves it with its analysis in one store transaction. */
export async function commitPrepared(store: Store, pipeline: Pipeline, prepared: Prepared): Promise<IngestOutcome> {
  if (prepared.kind === 'settled') return prepared.outcome;
  const { article, hash, fingerprint, bands, analysis } = prepared;
  try {
    const root = await nearDuplicateRoot(store, fingerprint, bands, article.id, article.text);
    const version = pipeline.version;
    const result = await store.saveArticle({
      article, analysis, contentHash: hash, simhash: fingerprint, bands, nearDuplicateOf: root,
      pipelineVersion: version.pipeline, codebookVersion: version.codebook,
    });
    if (result === 'new') return root ? { kind: 'near', id: article.id, of: root } : { kind: 'new', id: article.id };
    const of = result === 'exists' ? article.id : await store.findByContentHash(hash);
    return { kind: 'duplicate', id: article.id, of };
  } catch (error) {
    return { kind: 'failed', failure: failureFor(article, `not stored: ${(error as Error).message}`) };
  }
}

/** Ingests one article (the unit the feed follower and the HTTP API use); `onStored` runs when it is stored as new. */
export async function ingestArticle(
  store: Store, pipeline: Pipeline, article: Article, onStored?: (article: Article, analysis: Analysis) => Promise<void>,
): Promise<IngestOutcome> {
  const prepared = await prepareArticle(store, pipeline, article);
  const outcome = await commitPrepared(store, pipeline, prepared);
  if (outcome.kind === 'new' && prepared.kind === 'ready') await onStored?.(prepared.article, prepared.analysis);
  return outcome;
}
