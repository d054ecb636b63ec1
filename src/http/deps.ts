import { resolveNames } from '../codebook/resolve-name.js';
import type { Codebook } from '../codebook/load.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Store } from '../store/store.js';

/** What the route handlers share: the store, the pipeline for ingest, the codebook for names. */
export interface Deps {
  store: Store;
  pipeline: Pipeline;
  codebook: Codebook;
  /** Every canonical name and codebook id the user-typed names stand for (undefined for no filter). */
  resolve(names: string[] | undefined): string[] | undefined;
  /** Where server-side errors go (stack traces stay here, never in a response). */
  log(message: string): void;
}

/** Builds the shared dependencies. */
export function createDeps(store: Store, pipeline: Pipeline, codebook: Codebook, log: (message: string) => void): Deps {
  return {
    store, pipeline, codebook, log,
    resolve: (names) => (names && names.length > 0 ? resolveNames(codebook, names) : undefined),
  };
}
