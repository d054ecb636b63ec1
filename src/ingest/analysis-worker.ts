import { workerData } from 'node:worker_threads';
import { GeigerError } from '../errors.js';
import { createPipeline } from '../pipeline/create.js';
import type { Pipeline, PipelineVersion } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import { analyseOne, type Analysed } from './analysed.js';

let pipeline: Pipeline | undefined;
const pipelineOf = (): Pipeline =>
  (pipeline ??= createPipeline({ codebookDir: (workerData as { codebookDir?: string } | null)?.codebookDir }));

/**
 * A worker's reply to `version`: a GeigerError (a bad codebook, say) comes back as data, since its code, file and
 * line would not survive the trip between threads as an Error.
 */
export type VersionReply =
  | { version: PipelineVersion }
  | { error: { code: GeigerError['code']; message: string; file?: string; line?: number } };

/** Piscina task `version`: builds this worker's pipeline and returns its version. */
export function version(): VersionReply {
  try {
    return { version: pipelineOf().version };
  } catch (error) {
    if (!(error instanceof GeigerError)) throw error;
    return { error: { code: error.code, message: error.message, file: error.file, line: error.line } };
  }
}

/** Piscina task: analyses a batch of articles in this worker thread. */
export default function analyse(articles: Article[]): Analysed[] {
  const p = pipelineOf();
  return articles.map((article) => analyseOne(p, article));
}
