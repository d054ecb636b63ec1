import type { Analysis } from '../pipeline/analysis.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import { simhash } from '../read/index.js';
import { analysisRecordJson, searchTextOf, type SearchText } from '../store/sql/derived-rows.js';

/**
 * An article's analysis, SimHash fingerprint, full-text copy and stored record (with the pipeline's versions), or
 * why they could not be made. Everything but the deduplication and the store writes, so it can run in a worker.
 */
export type Analysed =
  | { analysis: Analysis; fingerprint: string; searchText: SearchText; recordJson: string; pipelineVersion: string; codebookVersion: string }
  | { error: string };

/** Analyses articles in order, one failure costing only its own article. */
export type AnalyseBatch = (articles: Article[]) => Promise<Analysed[]>;

/** Analyses and fingerprints one article with a pipeline. */
export function analyseOne(pipeline: Pipeline, article: Article): Analysed {
  let fingerprint: string;
  try {
    fingerprint = simhash(article.text);
  } catch (error) {
    return { error: `hashing failed: ${(error as Error).message}` };
  }
  let analysis: Analysis;
  try {
    analysis = pipeline.analyze(article);
  } catch (error) {
    return { error: `analysis failed: ${(error as Error).message}` };
  }
  try {
    const versions = { pipelineVersion: pipeline.version.pipeline, codebookVersion: pipeline.version.codebook };
    return { analysis, fingerprint, searchText: searchTextOf(article, analysis), recordJson: analysisRecordJson(analysis, versions), ...versions };
  } catch (error) {
    return { error: `indexing failed: ${(error as Error).message}` };
  }
}

/** The in-process AnalyseBatch over a pipeline. */
export function analyseInProcess(pipeline: Pipeline): AnalyseBatch {
  return async (articles) => articles.map((article) => analyseOne(pipeline, article));
}
