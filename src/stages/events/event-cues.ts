import { z } from 'zod';
import type { Codebook } from '../../codebook/load.js';
import { WordsByLang, wordsFor } from '../../codebook/lexicon.js';
import { EVENT_TYPES, type EventType } from '../../pipeline/analysis.js';
import { WordSet } from './word-set.js';

const EventTypeSchema = z.enum(EVENT_TYPES);
const TreatyActionSchema = z.enum([
  'suspend', 'withdraw', 'violate', 'extend', 'sign', 'ratify', 'de-ratify', 'comply',
  'stop-data-exchange', 'resume-data-exchange', 'agree',
]);

const CueGroupSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a kebab-case id'),
  type: EventTypeSchema,
  intensity: z.number().min(0).max(10),
  words: WordsByLang,
  context: z.enum(['near', 'sentence']).default('near'),
  with: z.string().optional(),
  withEntity: z.enum(['TREATY', 'WEAPON']).optional(),
  blockNext: z.string().optional(),
  blockWithin: z.string().optional(),
  blockBefore: z.string().optional(),
  blockPrior: z.string().optional(),
  upgrade: z.object({ list: z.string(), type: EventTypeSchema }).strict().optional(),
  reverse: z.object({ list: z.string(), action: TreatyActionSchema, intensity: z.number().min(0).max(10) }).strict().optional(),
  speakerAs: EventTypeSchema.optional(),
  conditionalAs: EventTypeSchema.optional(),
  action: TreatyActionSchema.optional(),
  negatedAction: TreatyActionSchema.optional(),
  onlyNegated: z.boolean().default(false),
  withObject: EventTypeSchema.optional(),
  actorAfter: z.boolean().default(false),
  stateActorAs: EventTypeSchema.optional(),
  passiveNeedsAgent: z.boolean().default(false),
}).strict();
export type CueGroup = z.infer<typeof CueGroupSchema>;

const TypeRuleSchema = z.object({
  speech: z.boolean(),
  frame: z.boolean(),
  topic: z.boolean(),
  negatedAs: EventTypeSchema.nullable(),
  needsActor: z.boolean(),
  intensity: z.number().min(0).max(10),
}).strict();
export type TypeRule = z.infer<typeof TypeRuleSchema>;

/** Schema of cues/events.yaml. */
export const EventCueFileSchema = z.object({
  types: z.record(EventTypeSchema, TypeRuleSchema),
  lists: z.record(z.string(), WordsByLang),
  commentatorRoles: z.array(z.string()),
  cues: z.array(CueGroupSchema),
}).strict().superRefine((file, ctx) => {
  for (const t of EVENT_TYPES) {
    if (!file.types[t]) ctx.addIssue({ code: 'custom', message: `missing type rule ${t}`, path: ['types'] });
  }
  file.cues.forEach((cue, i) => {
    for (const key of ['with', 'blockNext', 'blockWithin', 'blockBefore', 'blockPrior'] as const) {
      const name = cue[key];
      if (name && !file.lists[name]) ctx.addIssue({ code: 'custom', message: `unknown list ${name}`, path: ['cues', i, key] });
    }
    for (const key of ['upgrade', 'reverse'] as const) {
      const name = cue[key]?.list;
      if (name && !file.lists[name]) ctx.addIssue({ code: 'custom', message: `unknown list ${name}`, path: ['cues', i, key, 'list'] });
    }
  });
});

/** Schema of cues/event-context.yaml. */
export const EventContextFileSchema = z.object({
  nuclear: WordsByLang,
  civil: WordsByLang,
  negation: WordsByLang,
  notNegation: WordsByLang,
  denial: WordsByLang,
  hypothetical: WordsByLang,
  targetPrepositions: WordsByLang,
  agentPrepositions: WordsByLang,
  passiveAux: WordsByLang,
  genitive: WordsByLang,
  otherPrepositions: WordsByLang,
  articles: WordsByLang,
  sourceIntroducers: WordsByLang,
  speechVerbs: WordsByLang,
  pronouns: WordsByLang,
  clauseBreaks: WordsByLang,
  subordinators: WordsByLang,
  background: WordsByLang,
  since: WordsByLang,
  conditional: WordsByLang,
  modal: WordsByLang,
  relatives: WordsByLang,
}).strict();
type ContextFile = z.infer<typeof EventContextFileSchema>;
/** A context list: one of cues/event-context.yaml, or `titles`, the office words of the codebook's roles.yaml. */
export type ContextList = Exclude<keyof ContextFile, 'nuclear' | 'civil'> | 'titles';

/** Nuclear-context words and the civil phrases that override them. */
export type NuclearWord = 'nuclear' | 'civil';

/** Every cue and context list of one language, compiled for matching. */
export interface CompiledCues {
  cues: WordSet<CueGroup>;
  lists: Map<string, WordSet<true>>;
  nuclear: WordSet<NuclearWord>;
  /** Every context list in one matcher: each match carries the lists it belongs to. */
  context: WordSet<ContextList>;
  contextLists: ContextList[];
  types: Record<EventType, TypeRule>;
  /** Codebook roles that make a person a commentator rather than an office holder ("expert"). */
  commentatorRoles: Set<string>;
}

function wordSet(words: string[]): WordSet<true> {
  return new WordSet<true>().addAll(words, true);
}

/** Compiles the event cue files for documents in `lang` (every language when unknown). */
export function compileEventCues(codebook: Codebook, lang: string): CompiledCues {
  const file = codebook.cues('events', EventCueFileSchema);
  const ctx = codebook.cues('event-context', EventContextFileSchema);
  const cues = new WordSet<CueGroup>();
  for (const group of file.cues) cues.addAll(wordsFor(group.words, lang), group);
  const lists = new Map<string, WordSet<true>>();
  for (const [name, words] of Object.entries(file.lists)) lists.set(name, wordSet(wordsFor(words, lang)));
  const nuclear = new WordSet<NuclearWord>()
    .addAll(wordsFor(ctx.nuclear, lang), 'nuclear')
    .addAll(wordsFor(ctx.civil, lang), 'civil');
  const context = new WordSet<ContextList>();
  const contextLists: ContextList[] = [];
  for (const key of Object.keys(ctx) as (keyof ContextFile)[]) {
    if (key === 'nuclear' || key === 'civil') continue;
    contextLists.push(key);
    context.addAll(wordsFor(ctx[key], lang), key);
  }
  contextLists.push('titles');
  for (const role of codebook.roles) context.addAll(wordsFor(role.words, lang), 'titles');
  return {
    cues, lists, nuclear, context, contextLists,
    types: file.types as Record<EventType, TypeRule>, commentatorRoles: new Set(file.commentatorRoles),
  };
}

