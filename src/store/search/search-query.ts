import { GeigerError } from '../../errors.js';
import { foldWord, indexKey, words } from './text-index.js';

/** A parsed search query; words are kept as typed, keys are made per language later. */
export type QueryNode =
  | { kind: 'term'; word: string }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode };

type Token =
  | { kind: 'open' | 'close' | 'and' | 'or' | 'not' }
  | { kind: 'words'; words: string[]; phrase: boolean };

const BREAK = /[\s"()]/;

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { tokens.push({ kind: 'open' }); i++; continue; }
    if (c === ')') { tokens.push({ kind: 'close' }); i++; continue; }
    if (c === '"') {
      const end = input.indexOf('"', i + 1);
      const body = input.slice(i + 1, end === -1 ? input.length : end);
      i = end === -1 ? input.length : end + 1;
      const ws = words(body).map((w) => w.text);
      if (ws.length > 0) tokens.push({ kind: 'words', words: ws, phrase: true });
      continue;
    }
    let j = i;
    while (j < input.length && !BREAK.test(input[j])) j++;
    let run = input.slice(i, j);
    i = j;
    if (run === 'AND') { tokens.push({ kind: 'and' }); continue; }
    if (run === 'OR') { tokens.push({ kind: 'or' }); continue; }
    if (run === 'NOT') { tokens.push({ kind: 'not' }); continue; }
    if (run === '-' && (input[i] === '"' || input[i] === '(')) { tokens.push({ kind: 'not' }); continue; }
    if (run.startsWith('-') && run.length > 1) { tokens.push({ kind: 'not' }); run = run.slice(1); }
    const ws = words(run).map((w) => w.text);
    if (ws.length > 0) tokens.push({ kind: 'words', words: ws, phrase: false });
    else if (tokens.at(-1)?.kind === 'not' && run !== '') tokens.pop();
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode | null {
    const items: QueryNode[] = [];
    while (this.pos < this.tokens.length) {
      const node = this.or();
      if (node) items.push(node);
      else this.pos++;
    }
    return items.length === 0 ? null : items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private or(): QueryNode | null {
    const items: QueryNode[] = [];
    for (;;) {
      const node = this.and();
      if (node) items.push(node);
      if (this.peek()?.kind !== 'or') break;
      this.pos++;
    }
    return items.length === 0 ? null : items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private and(): QueryNode | null {
    const items: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === 'or' || t.kind === 'close') break;
      if (t.kind === 'and') { this.pos++; continue; }
      const node = this.unary();
      if (node) items.push(node);
    }
    return items.length === 0 ? null : items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private unary(): QueryNode | null {
    const t = this.tokens[this.pos++];
    if (t.kind === 'not') {
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close' || next.kind === 'and') return null;
      const item = this.unary();
      return item ? { kind: 'not', item } : null;
    }
    if (t.kind === 'open') {
      const inner = this.or();
      if (this.peek()?.kind === 'close') this.pos++;
      return inner;
    }
    if (t.kind === 'words') {
      if (t.words.length === 1) return { kind: 'term', word: t.words[0] };
      return { kind: 'phrase', words: t.words };
    }
    return null;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
}

/** Parses the search syntax (see SearchQuery); returns null when the query holds no words. */
export function parseQuery(input: string): QueryNode | null {
  return new Parser(lex(input)).parse();
}

/** Throws BAD_REQUEST unless every branch of the query requires at least one word that is not negated. */
export function assertPositive(node: QueryNode): void {
  if (!hasPositive(node)) throw new GeigerError('BAD_REQUEST', 'a search needs at least one word that is not negated');
}

function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term': case 'phrase': return true;
    case 'not': return false;
    case 'or': return node.items.every(hasPositive);
    case 'and': {
      const positives = node.items.filter((n) => n.kind !== 'not');
      return positives.length > 0 && positives.every(hasPositive) &&
        node.items.filter((n) => n.kind === 'not').every((n) => n.kind === 'not' && validNegation(n.item));
    }
  }
}

function validNegation(node: QueryNode): boolean {
  return node.kind === 'not' ? false : hasPositive(node);
}

/** The distinct index keys of a word across the given languages, plus its plain folded form. */
export function termKeys(word: string, langs: readonly string[]): string[] {
  const keys = new Set<string>([foldWord(word)]);
  for (const lang of langs) keys.add(indexKey(word, lang));
  return [...keys];
}

/** The distinct key sequences of a phrase across the given languages. */
export function phraseKeys(phrase: readonly string[], langs: readonly string[]): string[][] {
  const seen = new Map<string, string[]>();
  const variants = [phrase.map(foldWord), ...langs.map((lang) => phrase.map((w) => indexKey(w, lang)))];
  for (const v of variants) seen.set(v.join(' '), v);
  return [...seen.values()];
}

/** The keys of the words a hit must (or may) contain: every word not under NOT. */
export function positiveKeys(node: QueryNode, langs: readonly string[]): Set<string> {
  const out = new Set<string>();
  const visit = (n: QueryNode): void => {
    if (n.kind === 'term') for (const k of termKeys(n.word, langs)) out.add(k);
    else if (n.kind === 'phrase') for (const v of phraseKeys(n.words, langs)) for (const k of v) out.add(k);
    else if (n.kind === 'and' || n.kind === 'or') n.items.forEach(visit);
  };
  visit(node);
  return out;
}
