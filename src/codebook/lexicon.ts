import { z } from 'zod';

/** A word list per language, as cue files write it: `{ all?, en?, nl?, de?, fr? }`. */
export const WordsByLang = z.object({
  all: z.array(z.string()).optional(),
  en: z.array(z.string()).optional(),
  nl: z.array(z.string()).optional(),
  de: z.array(z.string()).optional(),
  fr: z.array(z.string()).optional(),
}).strict();
export type WordsByLang = z.infer<typeof WordsByLang>;

/** The words of a list that apply to a document in `lang` (its own, plus `all`; every language when unknown). */
export function wordsFor(list: WordsByLang | undefined, lang: string): string[] {
  if (!list) return [];
  const own = lang === 'en' || lang === 'nl' || lang === 'de' || lang === 'fr'
    ? list[lang] ?? []
    : [...(list.en ?? []), ...(list.nl ?? []), ...(list.de ?? []), ...(list.fr ?? [])];
  return [...(list.all ?? []), ...own];
}
