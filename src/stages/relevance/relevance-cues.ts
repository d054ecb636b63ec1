import { z } from 'zod';
import type { Codebook } from '../../codebook/load.js';
import { WordsByLang, wordsFor } from '../../codebook/lexicon.js';
import { PhraseMatcher } from '../../codebook/phrase-matcher.js';

/** The shape of cues/relevance.yaml. */
export const RelevanceCuesSchema = z.object({
  topic: WordsByLang,
  strong: WordsByLang,
  civil: WordsByLang,
  scoring: z.object({
    leadWeight: z.number().nonnegative(),
    entityWeight: z.number().nonnegative(),
    eventWeight: z.number().nonnegative(),
    claimWeight: z.number().nonnegative(),
    scale: z.number().positive(),
    threshold: z.number().min(0).max(1),
  }).strict(),
}).strict();
export type RelevanceCues = z.infer<typeof RelevanceCuesSchema>;

/** What a matched phrase counts for: civil phrases count nothing. */
export interface TopicWeight { topic: number; strong: number }

/** The relevance cues of one language: one matcher where the longest phrase decides. */
export interface RelevanceLexicon { words: PhraseMatcher<TopicWeight>; scoring: RelevanceCues['scoring'] }

/** Compiles the relevance cues for one language; civil phrases are added last so they win ties of length. */
export function compileRelevanceLexicon(cues: RelevanceCues, lang: string): RelevanceLexicon {
  const table = new Map<string, TopicWeight>();
  const put = (list: WordsByLang, f: (w: TopicWeight) => void) => {
    for (const phrase of wordsFor(list, lang)) {
      const key = phrase.toLowerCase();
      const w = table.get(key) ?? { topic: 0, strong: 0 };
      f(w);
      table.set(key, w);
    }
  };
  put(cues.topic, (w) => { w.topic = 1; });
  put(cues.strong, (w) => { w.strong = 1; });
  put(cues.civil, (w) => { w.topic = 0; w.strong = 0; });
  const words = new PhraseMatcher<TopicWeight>();
  for (const [phrase, w] of table) words.add(phrase, w);
  return { words, scoring: cues.scoring };
}

/** Relevance lexicons for every language, compiled once per pipeline. */
export function relevanceLexicons(codebook: Codebook): (lang: string) => RelevanceLexicon {
  const cues = codebook.cues('relevance', RelevanceCuesSchema);
  const byLang = new Map<string, RelevanceLexicon>();
  for (const lang of ['en', 'nl', 'de', 'fr', 'und']) byLang.set(lang, compileRelevanceLexicon(cues, lang));
  return (lang) => byLang.get(lang) ?? byLang.get('und')!;
}
