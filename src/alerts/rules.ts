import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { resolveName } from '../codebook/resolve-name.js';
import type { Codebook } from '../codebook/load.js';
import { fold } from '../doc/fold.js';
import { EVENT_TYPES, type Analysis } from '../pipeline/analysis.js';
import type { AlertHit, WatchRule } from '../store/store.js';

const optionalText = z.string().trim().max(200).transform((s) => (s === '' ? undefined : s)).optional();

/** What a user sends to make a watch rule: a name and at least one condition. */
export const WatchRuleInputSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200),
  actor: optionalText,
  type: z.enum(EVENT_TYPES, { error: (issue) => `unknown event type ${JSON.stringify(issue.input)}; expected one of ${EVENT_TYPES.join(', ')}` }).optional(),
  minIntensity: z.number().min(0).max(10).optional(),
  words: optionalText,
}).strict().refine((r) => r.actor !== undefined || r.type !== undefined || r.minIntensity !== undefined || r.words !== undefined, {
  message: 'a watch rule needs at least one of actor, type, minIntensity or words',
});
export type WatchRuleInput = z.input<typeof WatchRuleInputSchema>;

const WORD = /[\p{L}\p{N}]+/gu;

/** Folded words of a text ("Kernwapens, Oekraïne" → kernwapens, oekraine). */
function wordsOf(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

function slug(name: string): string {
  return wordsOf(name).join('-').slice(0, 40).replace(/-+$/, '');
}

/** Builds a rule from validated input, resolving the actor through the codebook ("Poetin" → Vladimir Putin). */
export function createWatchRule(codebook: Codebook, input: WatchRuleInput, now = new Date()): WatchRule {
  const r = WatchRuleInputSchema.parse(input);
  const resolved = r.actor ? resolveName(codebook, r.actor) : null;
  const stem = slug(r.name);
  return {
    id: `${stem ? `${stem}-` : ''}${randomBytes(3).toString('hex')}`,
    name: r.name,
    actor: r.actor ?? null,
    actorKeys: resolved ? [...resolved.names, ...resolved.ids] : [],
    type: r.type ?? null,
    minIntensity: r.minIntensity ?? null,
    words: r.words ? wordsOf(r.words).join(' ') : null,
    created: now.toISOString(),
  };
}

/** A hit before it is stamped with its rule, article and time. */
export type RuleMatch = Pick<AlertHit, 'eventIndex' | 'type' | 'actor' | 'intensity'>;

function hasAllWords(words: string, title: string, text: string): boolean {
  const present = wordsOf(`${title} ${text}`);
  return words.split(' ').every((w) => present.some((p) => p.startsWith(w)));
}

/**
 * Matches a rule against one analysed article. With a type or minimum intensity each matching, non-negated event is
 * a hit (its actor must be the rule's actor when one is set); otherwise the article is one hit when it mentions the
 * actor. Words must all start a word of the title or body.
 */
export function matchRule(rule: WatchRule, analysis: Analysis, text: string): RuleMatch[] {
  if (rule.words && !hasAllWords(rule.words, analysis.title ?? '', text)) return [];
  const keys = new Set(rule.actorKeys.map(fold));
  const idOf = new Map(analysis.entities.map((e) => [e.name, e.id]));
  const isActor = (name: string | null): boolean => {
    if (name === null) return false;
    const id = idOf.get(name);
    return keys.has(fold(name)) || (id !== undefined && keys.has(fold(id)));
  };
  if (rule.type !== null || rule.minIntensity !== null) {
    const out: RuleMatch[] = [];
    analysis.events.forEach((e, i) => {
      if (e.negated) return;
      if (rule.type !== null && e.type !== rule.type) return;
      if (rule.minIntensity !== null && e.intensity < rule.minIntensity) return;
      if (keys.size > 0 && !isActor(e.actor)) return;
      out.push({ eventIndex: i, type: e.type, actor: e.actor, intensity: e.intensity });
    });
    return out;
  }
  if (keys.size > 0) {
    const entity = analysis.entities.find((e) => isActor(e.name));
    return entity ? [{ eventIndex: null, type: null, actor: entity.name, intensity: null }] : [];
  }
  return [{ eventIndex: null, type: null, actor: null, intensity: null }];
}
