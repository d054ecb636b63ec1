import { foldedTokens, type TokenTable } from '../doc/token-table.js';

interface Form<T> { parts: string[]; prefix: boolean[]; value: T; phrase: string }
export interface PhraseMatch<T> { length: number; value: T; phrase: string }

const KEY_CHARS = 3;

function partMatches(form: { parts: string[]; prefix: boolean[] }, k: number, token: string): boolean {
  return form.prefix[k] ? token.startsWith(form.parts[k]) : token === form.parts[k];
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
    const form: Form<T> = { parts, prefix, value, phrase };
    this.size++;
    const put = (map: Map<string, Form<T>[]>, key: string) => {
      const list = map.get(key);
      if (list) list.push(form); else map.set(key, [form]);
      list?.sort((a, b) => b.parts.length - a.parts.length);
    };
    if (prefix[0]) put(this.byPrefixKey, parts[0].slice(0, KEY_CHARS)); else put(this.exact, parts[0]);
    const last = parts.length - 1;
    if (prefix[last]) put(this.byLastPrefixKey, parts[last].slice(0, KEY_CHARS)); else put(this.byLast, parts[last]);
  }

  /** Adds every phrase of a list with the same value. */
  addAll(phrases: Iterable<string>, value: T): this {
    for (const p of phrases) this.add(p, value);
    return this;
  }

  /** The longest phrase starting at token `i`. */
  longestAt(tokens: TokenTable, i: number): PhraseMatch<T> | null {
    const t = tokens.folded[i];
    let best: Form<T> | null = null;
    for (const list of [this.exact.get(t), t.length >= KEY_CHARS ? this.byPrefixKey.get(t.slice(0, KEY_CHARS)) : undefined]) {
      if (!list) continue;
      for (const form of list) {
        if (best && best.parts.length >= form.parts.length) break;
        const n = form.parts.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = partMatches(form, k, tokens.folded[i + k]);
        if (ok) { best = form; break; }
      }
    }
    return best ? { length: best.parts.length, value: best.value, phrase: best.phrase } : null;
  }

  /** The longest phrase whose last token is token `i`. */
  longestEndingAt(tokens: TokenTable, i: number): PhraseMatch<T> | null {
    const t = tokens.folded[i];
    let best: Form<T> | null = null;
    for (const list of [this.byLast.get(t), t.length >= KEY_CHARS ? this.byLastPrefixKey.get(t.slice(0, KEY_CHARS)) : undefined]) {
      if (!list) continue;
      for (const form of list) {
        if (best && best.parts.length >= form.parts.length) break;
        const n = form.parts.length;
        const s = i - n + 1;
        if (s < 0) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = partMatches(form, k, tokens.folded[s + k]);
        if (ok) { best = form; break; }
      }
    }
    return best ? { length: best.parts.length, value: best.value, phrase: best.phrase } : null;
  }

  /** True when a single token matches a one-word phrase. */
  hasWord(token: string): boolean {
    const list = this.exact.get(token);
    if (list?.some((f) => f.parts.length === 1)) return true;
    const pl = token.length >= KEY_CHARS ? this.byPrefixKey.get(token.slice(0, KEY_CHARS)) : undefined;
    return !!pl?.some((f) => f.parts.length === 1 && token.startsWith(f.parts[0]));
  }
}
