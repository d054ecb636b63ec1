export { WatchRuleInputSchema, createWatchRule, matchRule, type RuleMatch, type WatchRuleInput } from './rules.js';
export { alertsOnStored, evaluateRules, type EvaluateOptions } from './evaluate.js';
export { escapeXml, renderAtomFeed } from './atom.js';
