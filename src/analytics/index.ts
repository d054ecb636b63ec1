export { actorProfile, coMentionNetwork, coMentions, type ActorProfile, type CoMention, type NetworkEdge, type NetworkNode } from './actor-profile.js';
export { CONFLICT_RATIO, claimsBalance, claimsLedger, conflicting, type BalanceRow, type Estimate, type LedgerEntry } from './claims-ledger.js';
export {
  ESCALATION_BASELINE, ESCALATION_WEIGHTS, RELIEF_PER_REASSURANCE, escalationIndex, type EscalationScore, type PeriodVolumes, type TypeVolume,
} from './escalation-index.js';
export { clusterStories, sameStory, storiesFromStore, storyArticles, type Story, type StoryArticle, type StoryFilter, type StoryOptions } from './stories.js';
export { indexTimeline, timelineWithIndex, type IndexedBucket, type IndexedTimeline } from './timeline.js';
export { STATUS_AFTER, treatyStatus, treatyStatusFromStore, type TreatyAct, type TreatyStatus } from './treaty-status.js';
