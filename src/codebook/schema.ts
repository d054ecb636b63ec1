import { z } from 'zod';

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;
const LANG_KEYS = ['all', 'en', 'nl', 'de', 'fr'] as const;
export type AliasLang = (typeof LANG_KEYS)[number];

const aliasList = z.array(z.union([z.string().min(1), z.number().transform(String)]));
const aliasesByLang = z.object({
  all: aliasList.optional(), en: aliasList.optional(), nl: aliasList.optional(),
  de: aliasList.optional(), fr: aliasList.optional(),
}).strict();

const dateString = z.union([z.string().regex(DATE, 'a date as YYYY-MM or YYYY-MM-DD'), z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const RoleHeldSchema = z.object({
  role: z.string().min(1),
  country: z.string().min(2),
  from: dateString.optional(),
  to: dateString.optional(),
}).strict();

export const EntityEntrySchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'an id like person.vladimir-putin'),
  type: z.enum(['PERSON', 'ORG', 'LOC', 'WEAPON', 'TREATY']),
  name: z.string().min(1),
  country: z.string().min(2).optional(),
  aliases: aliasesByLang.optional(),
  adjectives: aliasesByLang.optional(),
  roles: z.array(RoleHeldSchema).optional(),
  /** A capital that, used as an actor ("Moscow said"), stands for its country. */
  metonymFor: z.string().optional(),
  source: z.string().optional(),
  note: z.string().optional(),
}).strict();
export type EntityEntry = z.infer<typeof EntityEntrySchema>;
export const EntityFileSchema = z.array(EntityEntrySchema);

export const RoleWordsSchema = z.array(z.object({
  role: z.string().min(1),
  words: aliasesByLang,
}).strict());
export type RoleWords = z.infer<typeof RoleWordsSchema>;

export { LANG_KEYS };
