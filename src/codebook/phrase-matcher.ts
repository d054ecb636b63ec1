import { HashFilter } from '../doc/hash-filter.js';
import { foldedTokens, PREFIX_KEY_CHARS, type TokenTable } from '../doc/token-table.js';

export interface PhraseMatch<T> { readonly length: number; readonly value: T; readonly phrase: string }
/** A phrase as stored; it is its own match result, so lookups allocate nothing. */
interface Form<T> extends PhraseMatch<T> { parts: string[]; prefix: boolean[] }

const KEY_CHARS = PREFIX_KEY_CHARS;

/** True when the form's parts match the folded tokens from index `s` on (the caller checks the bounds). */
function matchesFrom<T>(form: Form<T>, folded: string[], s: number): boolean {
  const { parts, prefix } = form;
  for (let k = 0; k < parts.length; k++) {
    const token = folded[s + k];
    if (prefix[k] ? !token.startsWith(parts[k]) : token !== parts[k]) return false;
  }
  return true;
}

/** The longest form of `list` (sorted longest first) starting at `s`, if longer than `best`. */
function longestFrom<T>(list: Form<T>[] | undefined, folded: string[], count: number, s: number, best: Form<T> | null): Form<T> | null {
  if (!list) return best;
  for (const form of list) {
    const n = form.parts.length;
    if (best && best.parts.length >= n) break;
    if (s + n <= count && matchesFrom(form, folded, s)) return form;
  }
  return best;
}

/** The longest form of `list` (sorted longest first) ending at `i`, if longer than `best`. */
function longestTo<T>(list: Form<T>[] | undefined, folded: string[], i: number, best: Form<T> | null): Form<T> | null {
  if (!list) return best;
  for (const form of list) {
    const n = form.parts.length;
    if (best && best.parts.length >= n) break;
    if (i - n + 1 >= 0 && matchesFrom(form, folded, i - n + 1)) return form;
  }
  return best;
}

/**
 * Matches cue phrases over folded tokens. A part ending in `*` matches any token starting with it
 * ("dreig*" matches "dreigt", "dreigde"). Built once per codebook; lookups are a map probe per token.
 */
export class PhraseMatcher<T> {
  private readonly exact = new Map<string, Form<T>[]>();
  private readonly byPrefixKey = new Map<string, Form<T>[]>();
  private readonly byLast = new Map<string, Form<T>[]>();
  private readonly byLastPrefixKey = new Map<string, Form<T>[]>();
  /** Filters over the keys of the four maps above, in the same order: most tokens are ruled out without a lookup. */
  private readonly exactKeys = new HashFilter();
  private readonly prefixKeys = new HashFilter();
  private readonly lastKeys = new HashFilter();
  private readonly lastPrefixKeys = new HashFilter();
  size = 0;

  /** Adds a phrase (tokenised like the text; `*` marks a prefix part). */
  add(phrase: string, value: T): void {
    const words = phrase.trim().split(/\s+/);
    const parts: string[] = [];
    const prefix: boolean[] = [];
    for (const w of words) {
      const isPrefix = w.endsWith('*') && w.length > 1;
      const toks = foldedTokens(isPrefix ? w.slice(0, -1) : w);
      toks.forEach((t, j) => { parts.push(t); prefix.push(isPrefix && j === toks.length - 1); });
    }
    if (parts.length === 0) return;
    const form: Form<T> = { parts, prefix, value, phrase, length: parts.length };
    this.size++;
    const put = (map: Map<string, Form<T>[]>, filter: HashFilter, key: string) => {
      const list = map.get(key);
      if (list) list.push(form); else map.set(key, [form]);
      list?.sort((a, b) => b.parts.length - a.parts.length);
      filter.add(key);
    };
    if (prefix[0]) put(this.byPrefixKey, this.prefixKeys, parts[0].slice(0, KEY_CHARS)); else put(this.exact, this.exactKeys, parts[0]);
    const last = parts.length - 1;
    if (prefix[last]) put(this.byLastPrefixKey, this.lastPrefixKeys, parts[last].slice(0, KEY_CHARS));
    else put(this.byLast, this.lastKeys, parts[last]);
  }

  /** Adds every phrase of a list with the same value. */
  addAll(phrases: Iterable<string>, value: T): this {
    for (const p of phrases) this.add(p, value);
    return this;
  }

  /** The longest phrase starting at token `i`. */
  longestAt(tokens: TokenTable, i: number): PhraseMatch<T> | null {
    const folded = tokens.folded;
    const best = this.exactKeys.has(tokens.hashes[i]) ? longestFrom(this.exact.get(folded[i]), folded, tokens.length, i, null) : null;
    if (this.byPrefixKey.size === 0 || folded[i].length < KEY_CHARS || !this.prefixKeys.has(tokens.prefixHashes[i])) return best;
    return longestFrom(this.byPrefixKey.get(tokens.prefixKey(i)), folded, tokens.length, i, best);
  }

  /** The longest phrase whose last token is token `i`. */
  longestEndingAt(tokens: TokenTable, i: number): PhraseMatch<T> | null {
    const folded = tokens.folded;
    const best = this.lastKeys.has(tokens.hashes[i]) ? longestTo(this.byLast.get(folded[i]), folded, i, null) : null;
    if (this.byLastPrefixKey.size === 0 || folded[i].length < KEY_CHARS || !this.lastPrefixKeys.has(tokens.prefixHashes[i])) return best;
    return longestTo(this.byLastPrefixKey.get(tokens.prefixKey(i)), folded, i, best);
  }

  /** True when a single token matches a one-word phrase. */
  hasWord(token: string): boolean {
    const list = this.exact.get(token);
    if (list?.some((f) => f.parts.length === 1)) return true;
    const pl = token.length >= KEY_CHARS ? this.byPrefixKey.get(token.slice(0, KEY_CHARS)) : undefined;
    return !!pl?.some((f) => f.parts.length === 1 && token.startsWith(f.parts[0]));
  }
}
