import type { Codebook } from '../codebook/load.js';
import type { Doc } from '../doc/doc.js';

/** Options every stage may read; each stage picks what it needs. */
export interface StageOptions { [key: string]: unknown }

/** A named stage that declares what it needs and what it adds (spaCy, unified). */
export interface Stage {
  name: string;
  requires: string[];
  assigns: string[];
  create: (options: StageOptions, codebook: Codebook) => (doc: Doc) => void;
}

/** Declares a stage; the pipeline checks `requires` against what earlier stages assign. */
export function defineStage(stage: Stage): Stage {
  return stage;
}
