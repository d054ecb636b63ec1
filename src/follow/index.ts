export { followRound, describeReport, type FeedReport, type FollowOptions } from './follow.js';
export { PoliteFetcher, FetchFailure, USER_AGENT, type FetcherOptions, type Fetched } from './polite-fetcher.js';
export { parseRobots, isAllowed, type Robots } from './robots.js';
export { feedItems, type FeedItem } from './feed-items.js';
export { loadFollowState, saveFollowState, type FollowState, type FeedState } from './feed-state.js';
export { parseDuration } from './duration.js';
