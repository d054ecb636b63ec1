export type { Article } from './article.js';
export type { ReadResult } from './read-result.js';
export type { ReadOptions } from './read-options.js';
export { readSources } from './read-sources.js';
export { parseSeedText } from './seed.js';
export { parseFeed } from './feed-reader.js';
export { htmlToArticle, type HtmlSource } from './html-reader.js';
export { normaliseDate } from './dates.js';
export {
  normaliseForHash, contentHash, simhash, hammingDistance, isNearDuplicate, simhashBands, nearDuplicateBands, textSimilarity, shingles, shingleSimilarity,
  NEAR_DUPLICATE_BITS, NEAR_DUPLICATE_BYTE_PAIRS, NEAR_DUPLICATE_CANDIDATE_BITS, NEAR_DUPLICATE_SIMILARITY,
} from './dedup.js';
export { htmlToText } from './html-text.js';
