import { z } from 'zod';
import type { Codebook } from '../../codebook/load.js';
import { wordsFor, WordsByLang } from '../../codebook/lexicon.js';
import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import { fold } from '../../doc/fold.js';

export const NameCuesSchema = z.object({
  personTitles: WordsByLang,
  orgIntroducers: WordsByLang,
  orgHeads: WordsByLang,
  nameJoiners: WordsByLang,
  orgJoiners: WordsByLang,
  givenNames: WordsByLang,
  notNames: WordsByLang,
  nonPersonWords: WordsByLang,
  orgIntroducersInName: WordsByLang,
  personFollowers: WordsByLang,
}).strict();

/** The name cues of `cues/names.yaml` compiled for one language. */
export interface NameCues {
  personTitles: PhraseMatcher<true>;
  orgIntroducers: PhraseMatcher<true>;
  orgHeads: Set<string>;
  joiners: Set<string>;
  orgJoiners: Set<string>;
  givenNames: Set<string>;
  notNames: Set<string>;
  nonPersonWords: Set<string>;
  orgIntroducersInName: Set<string>;
  personFollowers: Set<string>;
}

const cache = new WeakMap<Codebook, Map<string, NameCues>>();
const ALL_LANGS = 'xx';

/** Compiles the name cues for a language once per codebook. Titles and not-names of every language apply. */
export function nameCuesFor(codebook: Codebook, lang: string): NameCues {
  let perLang = cache.get(codebook);
  if (!perLang) { perLang = new Map(); cache.set(codebook, perLang); }
  const hit = perLang.get(lang);
  if (hit) return hit;
  const raw = codebook.cues('names', NameCuesSchema);
  const set = (list: WordsByLang, l: string) => new Set(wordsFor(list, l).map(fold));
  const roleWords = codebook.roles.flatMap((r) => wordsFor(r.words, ALL_LANGS));
  const cues: NameCues = {
    personTitles: new PhraseMatcher<true>().addAll([...wordsFor(raw.personTitles, ALL_LANGS), ...roleWords], true),
    orgIntroducers: new PhraseMatcher<true>().addAll(wordsFor(raw.orgIntroducers, ALL_LANGS), true),
    orgHeads: set(raw.orgHeads, ALL_LANGS),
    joiners: set(raw.nameJoiners, ALL_LANGS),
    orgJoiners: set(raw.orgJoiners, ALL_LANGS),
    givenNames: set(raw.givenNames, ALL_LANGS),
    notNames: set(raw.notNames, ALL_LANGS),
    nonPersonWords: set(raw.nonPersonWords, ALL_LANGS),
    orgIntroducersInName: set(raw.orgIntroducersInName, ALL_LANGS),
    personFollowers: set(raw.personFollowers, ALL_LANGS),
  };
  perLang.set(lang, cues);
  return cues;
}
