import { HashFilter } from '../doc/hash-filter.js';
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

/** The forms starting with one token: longer ones by their second token, one-token forms apart; each list longest first. */
interface FirstToken { longer: Map<string, AliasForm[]> | null; single: AliasForm[] }

/** Alias lookup keyed on the first folded token, longest forms first: built once per codebook and language. */
export class AliasIndex {
  private readonly byFirst = new Map<string, AliasForm[]>();
  private readonly lookup = new Map<string, FirstToken>();
  /** Filter over the keys of `byFirst`: most tokens are ruled out without a lookup. */
  private readonly firstKeys = new HashFilter();

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
        } else {
          this.byFirst.set(folded[0], [form]);
          this.firstKeys.add(folded[0]);
        }
      };
      add(entry.name, false);
      for (const lang of langs) {
        for (const alias of entry.aliases?.[lang] ?? []) add(alias, false);
        for (const alias of entry.adjectives?.[lang] ?? []) add(alias, true);
      }
    }
    for (const [first, list] of this.byFirst) {
      list.sort((a, b) => b.folded.length - a.folded.length);
      const entry: FirstToken = { longer: null, single: [] };
      for (const form of list) {
        if (form.folded.length === 1) { entry.single.push(form); continue; }
        entry.longer ??= new Map();
        const second = entry.longer.get(form.folded[1]);
        if (second) second.push(form); else entry.longer.set(form.folded[1], [form]);
      }
      this.lookup.set(first, entry);
    }
  }

  /**
   * The longest alias that starts at token `i`, or null. Longer forms are only tried when the second
   * token fits, which skips exactly the forms the full comparison would reject.
   */
  longestAt(tokens: TokenTable, text: string, i: number, only?: (form: AliasForm) => boolean): AliasMatch | null {
    if (!this.firstKeys.has(tokens.hashes[i])) return null;
    const first = this.lookup.get(tokens.folded[i]);
    if (!first) return null;
    if (first.longer && i + 1 < tokens.length) {
      const list = first.longer.get(tokens.folded[i + 1]);
      const m = list ? firstFit(list, tokens, text, i, only) : null;
      if (m) return m;
    }
    return firstFit(first.single, tokens, text, i, only);
  }
}

/** The first form of `list` that matches at token `i` (the first two tokens are known to match). */
function firstFit(list: AliasForm[], tokens: TokenTable, text: string, i: number, only?: (form: AliasForm) => boolean): AliasMatch | null {
  for (const form of list) {
    if (only && !only(form)) continue;
    const n = form.folded.length;
    if (i + n > tokens.length) continue;
    let ok = true;
    for (let k = 2; k < n && ok; k++) ok = tokens.folded[i + k] === form.folded[k];
    if (!ok) continue;
    if (form.exact) {
      for (let k = 0; k < n && ok; k++) {
        const start = tokens.starts[i + k];
        ok = tokens.ends[i + k] - start === form.raw[k].length && text.startsWith(form.raw[k], start);
      }
      if (!ok) continue;
    } else if (form.capital && tokens.upper[i] === 0) continue;
    return { length: n, form };
  }
  return null;
}

const cache = new WeakMap<Codebook, Map<string, AliasIndex>>();

/** The alias index of a codebook for a document language, built on first use and kept. */
export function aliasIndexFor(codebook: Codebook, lang: string): AliasIndex {
  let perLang = cache.get(codebook);
  if (!perLang) { perLang = new Map(); cache.set(codebook, perLang); }
  const hit = perLang.get(lang);
  if (hit) return hit;
  const key = aliasLanguages(lang).join(',');
  let index = perLang.get(key);
  if (!index) { index = new AliasIndex(codebook.entries, aliasLanguages(lang)); perLang.set(key, index); }
  perLang.set(lang, index);
  return index;
}
