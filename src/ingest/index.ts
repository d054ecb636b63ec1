export { ingestArticles, type IngestOptions } from './ingest.js';
export { ingestArticle, prepareArticle, commitPrepared, commitBatch, nearDuplicateRoot, type Prepared } from './ingest-one.js';
export { emptySummary, countOutcome, type IngestFailure, type IngestOutcome, type IngestSummary } from './outcome.js';
export { storeOptionsFor } from './store-options.js';
export { reanalyzeStore, type ReanalyzeOptions, type ReanalyzeSummary } from './reanalyze.js';
