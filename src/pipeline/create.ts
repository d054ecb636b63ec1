import { loadCodebook, type Codebook } from '../codebook/load.js';
import type { StageOptions } from './define-stage.js';
import { Pipeline } from './pipeline.js';
import { STAGES } from './stages.js';

/** The standard pipeline over a codebook (the bundled nuclear codebook by default). */
export function createPipeline(options: { codebook?: Codebook; codebookDir?: string; stageOptions?: StageOptions } = {}): Pipeline {
  const codebook = options.codebook ?? loadCodebook(options.codebookDir);
  return new Pipeline(STAGES, codebook, options.stageOptions);
}
