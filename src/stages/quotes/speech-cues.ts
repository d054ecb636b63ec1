import { z } from 'zod';
import type { Codebook } from '../../codebook/load.js';
import { WordsByLang, wordsFor } from '../../codebook/lexicon.js';
import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import { FoldedSet } from '../../doc/folded-set.js';
import { foldedTokens } from '../../doc/token-table.js';

const SpeechCueSchema = z.object({
  speechVerbs: WordsByLang,
  framingVerbs: WordsByLang,
  opinionVerbs: WordsByLang,
  complementisers: WordsByLang,
  accordingTo: WordsByLang,
  afterMarkers: WordsByLang,
  pronouns: WordsByLang,
  objectPronouns: WordsByLang,
  spokespersons: WordsByLang,
  officeWords: WordsByLang,
  phraseStops: WordsByLang,
  clauseStarts: WordsByLang,
  demonstratives: WordsByLang,
  bareClauseVerbs: WordsByLang,
  subordinators: WordsByLang,
  conjunctions: WordsByLang,
  clauseBreaks: WordsByLang,
  orgPronouns: WordsByLang,
  publications: WordsByLang,
  subjunctives: WordsByLang,
  relatives: WordsByLang,
}).strict();
type SpeechCueFile = z.infer<typeof SpeechCueSchema>;

/** What a verb cue does: say (takes a clause), frame (only attributes quotes), opine (clause with complementiser). */
export type VerbKind = 'say' | 'frame' | 'opine';

/** The speech cues of one language, as matchers and folded word sets. */
export interface SpeechCues {
  verbs: PhraseMatcher<VerbKind>;
  accordingTo: PhraseMatcher<true>;
  /** First tokens of every verb and "according to" phrase, or null when a phrase has a prefix part. */
  starts: FoldedSet | null;
  complementisers: Set<string>;
  afterMarkers: Set<string>;
  pronouns: Set<string>;
  objectPronouns: Set<string>;
  spokespersons: Set<string>;
  officeWords: Set<string>;
  phraseStops: Set<string>;
  clauseStarts: Set<string>;
  demonstratives: Set<string>;
  bareClauseVerbs: PhraseMatcher<true>;
  subordinators: Set<string>;
  conjunctions: Set<string>;
  clauseBreaks: Set<string>;
  orgPronouns: Set<string>;
  publications: Set<string>;
  subjunctives: Set<string>;
  relatives: Set<string>;
}

const LANGS = ['en', 'nl', 'de', 'fr'] as const;

function words(list: WordsByLang, lang: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsFor(list, lang)) for (const t of foldedTokens(w)) out.add(t);
  return out;
}

function build(file: SpeechCueFile, lang: string): SpeechCues {
  const verbs = new PhraseMatcher<VerbKind>();
  verbs.addAll(wordsFor(file.speechVerbs, lang), 'say');
  verbs.addAll(wordsFor(file.framingVerbs, lang), 'frame');
  verbs.addAll(wordsFor(file.opinionVerbs, lang), 'opine');
  const phrases = [file.speechVerbs, file.framingVerbs, file.opinionVerbs, file.accordingTo, file.afterMarkers].flatMap((l) => wordsFor(l, lang));
  const starts = phrases.some((p) => p.includes('*')) ? null : new FoldedSet(phrases.map((p) => foldedTokens(p)[0]).filter(Boolean));
  return {
    verbs,
    accordingTo: new PhraseMatcher<true>().addAll(wordsFor(file.accordingTo, lang), true),
    starts,
    complementisers: words(file.complementisers, lang),
    afterMarkers: words(file.afterMarkers, lang),
    pronouns: words(file.pronouns, lang),
    objectPronouns: words(file.objectPronouns, lang),
    spokespersons: words(file.spokespersons, lang),
    officeWords: words(file.officeWords, lang),
    phraseStops: words(file.phraseStops, lang),
    clauseStarts: words(file.clauseStarts, lang),
    demonstratives: words(file.demonstratives, lang),
    bareClauseVerbs: new PhraseMatcher<true>().addAll(wordsFor(file.bareClauseVerbs, lang), true),
    subordinators: words(file.subordinators, lang),
    conjunctions: words(file.conjunctions, lang),
    clauseBreaks: words(file.clauseBreaks, lang),
    orgPronouns: words(file.orgPronouns, lang),
    publications: words(file.publications, lang),
    subjunctives: words(file.subjunctives, lang),
    relatives: words(file.relatives, lang),
  };
}

/** Loads cues/speech.yaml once and returns a lookup of the cues per document language. */
export function loadSpeechCues(codebook: Codebook): (lang: string) => SpeechCues {
  const file = codebook.cues('speech', SpeechCueSchema);
  const byLang = new Map<string, SpeechCues>();
  for (const lang of LANGS) byLang.set(lang, build(file, lang));
  const other = build(file, 'xx');
  return (lang) => byLang.get(lang) ?? other;
}
