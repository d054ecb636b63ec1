import type { Analysis } from '../pipeline/analysis.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import { simhash } from '../read/index.js';

/** An article's analysis and SimHash fingerprint, or why they could not be made. */
export type Analysed = { analysis: Analysis; fingerprint: string } | { error: string };

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
  try {
    return { analysis: pipeline.analyze(article), fingerprint };
  } catch (error) {
    return { error: `analysis failed: ${(error as Error).message}` };
  }
}

/** The in-process AnalyseBatch over a pipeline. */
export function analyseInProcess(pipeline: Pipeline): AnalyseBatch {
  return async (articles) => articles.map((article) => analyseOne(pipeline, article));
}
