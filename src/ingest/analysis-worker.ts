import { workerData } from 'node:worker_threads';
import { createPipeline } from '../pipeline/create.js';
import type { Article } from '../read/article.js';
import { analyseOne, type Analysed } from './analysed.js';

const pipeline = createPipeline({ codebookDir: (workerData as { codebookDir?: string } | null)?.codebookDir });

/** Piscina task: analyses a batch of articles in this worker thread. */
export default function analyse(articles: Article[]): Analysed[] {
  return articles.map((article) => analyseOne(pipeline, article));
}
