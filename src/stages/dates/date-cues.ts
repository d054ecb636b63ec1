import { z } from 'zod';
import type { Codebook } from '../../codebook/load.js';
import { WordsByLang, wordsFor } from '../../codebook/lexicon.js';
import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import { fold } from '../../doc/fold.js';
import { foldedTokens } from '../../doc/token-table.js';

const Offset = z.object({ days: z.number().int(), months: z.number().int(), years: z.number().int() }).partial().strict();
export type Offset = z.infer<typeof Offset>;
const RelativeByLang = z.object({
  en: z.record(z.string(), Offset).optional(),
  nl: z.record(z.string(), Offset).optional(),
  de: z.record(z.string(), Offset).optional(),
  fr: z.record(z.string(), Offset).optional(),
}).strict();

/** The shape of cues/dates.yaml. */
export const DateCuesSchema = z.object({
  months: z.record(z.string().regex(/^(?:[1-9]|1[0-2])$/), WordsByLang),
  ambiguousMonths: z.array(z.string()),
  monthIntroducers: WordsByLang,
  weekdays: z.record(z.string().regex(/^[1-7]$/), WordsByLang),
  weekdaySuffixes: WordsByLang,
  nextWords: WordsByLang,
  dayOrdinalSuffixes: z.array(z.string()),
  fillers: WordsByLang,
  relative: RelativeByLang,
}).strict();
export type DateCues = z.infer<typeof DateCuesSchema>;

/** The date cues of one language, compiled. */
export interface DateLexicon {
  months: Map<string, number>;
  ambiguous: Set<string>;
  introducers: PhraseMatcher<true>;
  weekdays: Map<string, number>;
  weekdaySuffixes: string[];
  next: PhraseMatcher<true>;
  ordinal: RegExp;
  fillers: Set<string>;
  relative: PhraseMatcher<Offset>;
  /** `startKey` of the first two letters of every word a date may start with (months, weekdays, relative phrases). */
  starts: Set<number>;
}

/** A number standing for the first two characters of a word (what `word.slice(0, 2)` holds), compared without cutting strings. */
export function startKey(word: string): number {
  return word.length === 0 ? -1 : (word.charCodeAt(0) << 16) | (word.length > 1 ? word.charCodeAt(1) : 0);
}

function wordMap(table: Record<string, WordsByLang>, lang: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [n, words] of Object.entries(table)) for (const w of wordsFor(words, lang)) out.set(fold(w), Number(n));
  return out;
}

function relativeFor(cues: DateCues, lang: string): PhraseMatcher<Offset> {
  const m = new PhraseMatcher<Offset>();
  const langs = lang === 'en' || lang === 'nl' || lang === 'de' || lang === 'fr' ? [lang] : ['en', 'nl', 'de', 'fr'];
  for (const l of langs) for (const [phrase, off] of Object.entries(cues.relative[l as 'en'] ?? {})) m.add(phrase, off);
  return m;
}

/** Compiles the date cues for one language. */
export function compileDateLexicon(cues: DateCues, lang: string): DateLexicon {
  const suffixes = cues.dayOrdinalSuffixes.map(fold).join('|');
  const months = wordMap(cues.months, lang);
  const weekdays = wordMap(cues.weekdays, lang);
  const starts = new Set<number>([...months.keys(), ...weekdays.keys()].map(startKey));
  const langs = lang === 'en' || lang === 'nl' || lang === 'de' || lang === 'fr' ? [lang] : ['en', 'nl', 'de', 'fr'];
  for (const l of langs) for (const phrase of Object.keys(cues.relative[l as 'en'] ?? {})) starts.add(startKey(foldedTokens(phrase)[0]));
  return {
    starts,
    months,
    ambiguous: new Set(cues.ambiguousMonths.map(fold)),
    introducers: new PhraseMatcher<true>().addAll(wordsFor(cues.monthIntroducers, lang), true),
    weekdays,
    weekdaySuffixes: wordsFor(cues.weekdaySuffixes, lang).map(fold),
    next: new PhraseMatcher<true>().addAll(wordsFor(cues.nextWords, lang), true),
    ordinal: new RegExp(`^(\\d{1,2})(?:${suffixes})$`),
    fillers: new Set(wordsFor(cues.fillers, lang).map(fold)),
    relative: relativeFor(cues, lang),
  };
}

/** Date lexicons for every language, compiled once per pipeline. */
export function dateLexicons(codebook: Codebook): (lang: string) => DateLexicon {
  const cues = codebook.cues('dates', DateCuesSchema);
  const byLang = new Map<string, DateLexicon>();
  for (const lang of ['en', 'nl', 'de', 'fr', 'und']) byLang.set(lang, compileDateLexicon(cues, lang));
  return (lang) => byLang.get(lang) ?? byLang.get('und')!;
}
