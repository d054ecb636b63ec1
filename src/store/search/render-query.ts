import type { QueryNode } from './search-query.js';
import { phraseKeys, termKeys } from './search-query.js';

const fts5String = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const tsLexeme = (s: string): string => `'${s.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

function group(parts: string[], op: string): string {
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${op} `)})`;
}

/** Renders a checked query as an FTS5 MATCH expression over index keys; every key is quoted. */
export function toFts5(node: QueryNode, langs: readonly string[]): string {
  switch (node.kind) {
    case 'term': return group(termKeys(node.word, langs).map(fts5String), 'OR');
    case 'phrase': return group(phraseKeys(node.words, langs).map((v) => fts5String(v.join(' '))), 'OR');
    case 'or': return group(node.items.map((n) => toFts5(n, langs)), 'OR');
    case 'not': return toFts5(node.item, langs);
    case 'and': {
      let expr = group(node.items.filter((n) => n.kind !== 'not').map((n) => toFts5(n, langs)), 'AND');
      for (const n of node.items) if (n.kind === 'not') expr = `(${expr} NOT ${toFts5(n.item, langs)})`;
      return expr;
    }
  }
}

/** Renders a checked query as a PostgreSQL tsquery over index keys (for to_tsquery('simple', ...)). */
export function toTsquery(node: QueryNode, langs: readonly string[]): string {
  switch (node.kind) {
    case 'term': return group(termKeys(node.word, langs).map(tsLexeme), '|');
    case 'phrase': return group(phraseKeys(node.words, langs).map((v) => group(v.map(tsLexeme), '<->')), '|');
    case 'or': return group(node.items.map((n) => toTsquery(n, langs)), '|');
    case 'not': return `!${toTsquery(node.item, langs)}`;
    case 'and': return group(node.items.map((n) => toTsquery(n, langs)), '&');
  }
}
