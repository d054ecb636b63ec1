export { ingestArticles, type IngestOptions } from './ingest.js';
export { ingestArticle, prepareArticle, prepareBatch, commitPrepared, commitBatch, nearDuplicateRoot, type Prepared } from './ingest-one.js';
export { analyseInProcess, type Analysed, type AnalyseBatch } from './analysed.js';
export { AnalysisPool, ANALYSIS_WORKER_LIMITS } from './analysis-pool.js';
export { emptySummary, countOutcome, type IngestFailure, type IngestOutcome, type IngestSummary } from './outcome.js';
export { storeOptionsFor } from './store-options.js';
export { reanalyzeStore, type ReanalyzeOptions, type ReanalyzeSummary } from './reanalyze.js';
