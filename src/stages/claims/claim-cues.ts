import { z } from 'zod';
import type { Codebook } from '../../codebook/load.js';
import { WordsByLang, wordsFor } from '../../codebook/lexicon.js';
import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import { fold } from '../../doc/fold.js';
import { CLAIM_ITEMS, type ClaimItem } from '../../pipeline/analysis.js';
import { startKey } from './numbers.js';

const ItemWords = z.partialRecord(z.enum(CLAIM_ITEMS), WordsByLang);
const NumberWords = z.object({
  en: z.record(z.string(), z.number()).optional(),
  nl: z.record(z.string(), z.number()).optional(),
  de: z.record(z.string(), z.number()).optional(),
  fr: z.record(z.string(), z.number()).optional(),
}).strict();

/** The shape of cues/claims.yaml. */
export const ClaimCuesSchema = z.object({
  heads: ItemWords,
  generic: ItemWords,
  nuclearWords: WordsByLang,
  qualifiers: ItemWords,
  hedges: WordsByLang,
  estimateWords: WordsByLang,
  numberWords: NumberWords,
  multipliers: z.array(z.string()),
  joiners: z.array(z.string()),
  scales: WordsByLang,
  rangeWords: WordsByLang,
  rangeJoiners: WordsByLang,
  rangeOpeners: WordsByLang,
  fromWords: WordsByLang,
  partitives: WordsByLang,
  determiners: WordsByLang,
  npBreaks: WordsByLang,
  elidedFollowers: WordsByLang,
  changeModifiers: WordsByLang,
  notStockWords: WordsByLang,
  changePreps: WordsByLang,
  changeVerbs: WordsByLang,
  units: WordsByLang,
  currency: z.array(z.string()),
  erWords: WordsByLang,
  yearPreps: WordsByLang,
  worldWords: WordsByLang,
  eachWords: WordsByLang,
  placePreps: WordsByLang,
  sourceCues: WordsByLang,
  sourceVerbs: WordsByLang,
  holderOrganisations: z.array(z.string()),
  weaponClasses: z.record(z.string(), z.enum(CLAIM_ITEMS)),
}).strict();
export type ClaimCues = z.infer<typeof ClaimCuesSchema>;

/** A head noun: the claim item it names and whether it needs a nuclear word beside it. */
export interface Head { item: ClaimItem; generic: boolean }

/** The claim cues of one language, compiled into matchers. */
export interface ClaimLexicon {
  heads: PhraseMatcher<Head>;
  /** Compound endings ("sprengkopfe") for heads written `*sprengköpfe`. */
  headSuffixes: { suffix: string; head: Head }[];
  nuclear: PhraseMatcher<true>;
  qualifiers: PhraseMatcher<ClaimItem>;
  hedges: PhraseMatcher<true>;
  estimates: PhraseMatcher<true>;
  numberWords: Map<string, number>;
  /** Number words indexed by their first two letters, for splitting compounds. */
  numberPieces: Map<string, string[]>;
  /** Keys of the first two letters of every number word (see `startKey`): a compound must start with one. */
  numberStarts: Set<number>;
  multipliers: Set<string>;
  joiners: Set<string>;
  scales: PhraseMatcher<true>;
  rangeWords: PhraseMatcher<true>;
  rangeJoiners: PhraseMatcher<true>;
  rangeOpeners: PhraseMatcher<true>;
  fromWords: PhraseMatcher<true>;
  partitives: PhraseMatcher<true>;
  determiners: PhraseMatcher<true>;
  npBreaks: PhraseMatcher<true>;
  elidedFollowers: PhraseMatcher<true>;
  changeModifiers: PhraseMatcher<true>;
  notStock: PhraseMatcher<true>;
  changePreps: PhraseMatcher<true>;
  changeVerbs: PhraseMatcher<true>;
  units: PhraseMatcher<true>;
  currency: Set<string>;
  er: PhraseMatcher<true>;
  yearPreps: PhraseMatcher<true>;
  world: PhraseMatcher<true>;
  each: PhraseMatcher<true>;
  placePreps: PhraseMatcher<true>;
  sourceCues: PhraseMatcher<true>;
  sourceVerbs: PhraseMatcher<true>;
  holderOrgs: Set<string>;
  weaponClasses: Map<string, ClaimItem>;
}

function matcher(list: WordsByLang | undefined, lang: string): PhraseMatcher<true> {
  return new PhraseMatcher<true>().addAll(wordsFor(list, lang), true);
}

function numberWordsFor(cues: ClaimCues, lang: string): Map<string, number> {
  const out = new Map<string, number>();
  const langs = lang === 'en' || lang === 'nl' || lang === 'de' || lang === 'fr' ? [lang] : ['en', 'nl', 'de', 'fr'];
  for (const l of langs) {
    for (const [w, v] of Object.entries(cues.numberWords[l as 'en'] ?? {})) out.set(fold(w), v);
  }
  return out;
}

/** Compiles the claim cues for one language. */
export function compileClaimLexicon(cues: ClaimCues, lang: string): ClaimLexicon {
  const heads = new PhraseMatcher<Head>();
  const headSuffixes: { suffix: string; head: Head }[] = [];
  for (const [generic, table] of [[false, cues.heads], [true, cues.generic]] as const) {
    for (const [item, words] of Object.entries(table) as [ClaimItem, WordsByLang][]) {
      for (const w of wordsFor(words, lang)) {
        const head = { item, generic };
        if (w.startsWith('*')) headSuffixes.push({ suffix: fold(w.slice(1)), head });
        else heads.add(w, head);
      }
    }
  }
  const qualifiers = new PhraseMatcher<ClaimItem>();
  for (const [item, words] of Object.entries(cues.qualifiers) as [ClaimItem, WordsByLang][]) qualifiers.addAll(wordsFor(words, lang), item);
  const numberWords = numberWordsFor(cues, lang);
  const numberPieces = new Map<string, string[]>();
  for (const w of [...numberWords.keys(), ...cues.joiners.map(fold)]) {
    const key = w.slice(0, 2);
    const list = numberPieces.get(key);
    if (list) list.push(w); else numberPieces.set(key, [w]);
  }
  for (const list of numberPieces.values()) list.sort((a, b) => b.length - a.length);
  return {
    heads,
    headSuffixes,
    nuclear: matcher(cues.nuclearWords, lang),
    qualifiers,
    hedges: matcher(cues.hedges, lang),
    estimates: matcher(cues.estimateWords, lang),
    numberWords,
    numberPieces,
    numberStarts: new Set([...numberWords.keys()].map(startKey)),
    multipliers: new Set(cues.multipliers.map(fold)),
    joiners: new Set(cues.joiners.map(fold)),
    scales: matcher(cues.scales, lang),
    rangeWords: matcher(cues.rangeWords, lang),
    rangeJoiners: matcher(cues.rangeJoiners, lang),
    rangeOpeners: matcher(cues.rangeOpeners, lang),
    fromWords: matcher(cues.fromWords, lang),
    partitives: matcher(cues.partitives, lang),
    determiners: matcher(cues.determiners, lang),
    npBreaks: matcher(cues.npBreaks, lang),
    elidedFollowers: matcher(cues.elidedFollowers, lang),
    changeModifiers: matcher(cues.changeModifiers, lang),
    notStock: matcher(cues.notStockWords, lang),
    changePreps: matcher(cues.changePreps, lang),
    changeVerbs: matcher(cues.changeVerbs, lang),
    units: matcher(cues.units, lang),
    currency: new Set(cues.currency.map(fold)),
    er: matcher(cues.erWords, lang),
    yearPreps: matcher(cues.yearPreps, lang),
    world: matcher(cues.worldWords, lang),
    each: matcher(cues.eachWords, lang),
    placePreps: matcher(cues.placePreps, lang),
    sourceCues: matcher(cues.sourceCues, lang),
    sourceVerbs: matcher(cues.sourceVerbs, lang),
    holderOrgs: new Set(cues.holderOrganisations),
    weaponClasses: new Map(Object.entries(cues.weaponClasses)),
  };
}

/** Claim lexicons for every language, compiled once per pipeline. */
export function claimLexicons(codebook: Codebook): (lang: string) => ClaimLexicon {
  const cues = codebook.cues('claims', ClaimCuesSchema);
  const byLang = new Map<string, ClaimLexicon>();
  for (const lang of ['en', 'nl', 'de', 'fr', 'und']) byLang.set(lang, compileClaimLexicon(cues, lang));
  return (lang) => byLang.get(lang) ?? byLang.get('und')!;
}
