import { foldedTokens, rawTokens, type TokenTable } from '../doc/token-table.js';
import type { Codebook } from './load.js';
import type { AliasLang, EntityEntry } from './schema.js';

/** One surface form of a codebook entry, pre-tokenised. */
export interface AliasForm {
  folded: string[];
  raw: string[];
  /** Short and all-caps forms (US, VS, EU, Xi) must match case-exactly. */
  exact: boolean;
  /** Capitalised names of people, places and organisations must be capitalised in the text too. */
  capital: boolean;
  entry: EntityEntry;
  adjective: boolean;
  alias: string;
}

export interface AliasMatch { length: number; form: AliasForm }

const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/** Languages whose aliases a document in `lang` is matched against. */
export function aliasLanguages(lang: string): AliasLang[] {
  if (lang === 'nl' || lang === 'de' || lang === 'fr') return ['all', 'en', lang];
  if (lang === 'en') return ['all', 'en'];
  return ['all', 'en', 'nl', 'de', 'fr'];
}

function isExact(alias: string): boolean {
  return alias.length <= 4 || !HAS_LOWER.test(alias);
}

/** Alias lookup keyed on the first folded token, longest forms first: built once per codebook and language. */
export class AliasIndex {
  private readonly byFirst = new Map<string, AliasForm[]>();

  constructor(entries: Iterable<EntityEntry>, langs: AliasLang[]) {
    for (const entry of entries) {
      const capitalType = entry.type === 'PERSON' || entry.type === 'LOC' || entry.type === 'ORG';
      const add = (alias: string, adjective: boolean) => {
        const folded = foldedTokens(alias);
        if (folded.length === 0) return;
        const form: AliasForm = {
          folded, raw: rawTokens(alias), exact: isExact(alias),
          capital: capitalType && UPPER_START.test(alias), entry, adjective, alias,
        };
        const list = this.byFirst.get(folded[0]);
        if (list) {
          if (!list.some((f) => f.entry === entry && f.alias === alias)) list.push(form);
        } else this.byFirst.set(folded[0], [form]);
      };
      add(entry.name, false);
      for (const lang of langs) {
        for (const alias of entry.aliases?.[lang] ?? []) add(alias, false);
        for (const alias of entry.adjectives?.[lang] ?? []) add(alias, true);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  }

  /** The longest alias that starts at token `i`, or null. */
  longestAt(tokens: TokenTable, text: string, i: number, only?: (form: AliasForm) => boolean): AliasMatch | null {
    const list = this.byFirst.get(tokens.folded[i]);
    if (!list) return null;
    for (const form of list) {
      if (only && !only(form)) continue;
      const n = form.folded.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = tokens.folded[i + k] === form.folded[k];
      if (!ok) continue;
      if (form.exact) {
        for (let k = 0; k < n && ok; k++) {
          const start = tokens.starts[i + k];
          ok = tokens.ends[i + k] - start === form.raw[k].length && text.startsWith(form.raw[k], start);
        }
        if (!ok) continue;
      } else if (form.capital && !UPPER_START.test(text[tokens.starts[i]])) continue;
      return { length: n, form };
    }
    return null;
  }
}

const cache = new WeakMap<Codebook, Map<string, AliasIndex>>();

/** The alias index of a codebook for a document language, built on first use and kept. */
export function aliasIndexFor(codebook: Codebook, lang: string): AliasIndex {
  let perLang = cache.get(codebook);
  if (!perLang) { perLang = new Map(); cache.set(codebook, perLang); }
  const key = aliasLanguages(lang).join(',');
  let index = perLang.get(key);
  if (!index) { index = new AliasIndex(codebook.entries, aliasLanguages(lang)); perLang.set(key, index); }
  return index;
}
