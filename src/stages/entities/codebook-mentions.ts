import { aliasIndexFor, type AliasForm } from '../../codebook/alias-index.js';
import type { Codebook } from '../../codebook/load.js';
import type { EntityEntry } from '../../codebook/schema.js';
import { entityMention, type Doc, type EntityMention } from '../../doc/doc.js';

/** Words before a capital that make it a place ("in Moskou", "visited Kyiv") rather than its government ("Moskou zegt"). */
const LOCATIVE = new Set([
  'in', 'naar', 'te', 'nabij', 'near', 'at', 'nach', 'im', 'a', 'vers', 'outside', 'buiten', 'rond', 'around', 'bei',
  'visited', 'visiting', 'bezocht', 'bezoekt', 'besuchte', 'besucht', 'visite', 'burgemeester', 'mayor', 'bürgermeister', 'maire',
]);
/** Places named inside a longer name that count on their own: countries and their adjectives, not cities. */
const isNestedPlace = (form: AliasForm) => form.entry.type === 'LOC' && (form.adjective || (!!form.entry.adjectives && !form.entry.metonymFor));

function mention(doc: Doc, from: number, last: number, entry: EntityEntry, rule: string, adjective: boolean): EntityMention {
  const { tokens } = doc;
  return entityMention({
    start: tokens.starts[from], end: tokens.ends[last], tokenStart: from, tokenEnd: last + 1,
    type: entry.type, name: entry.name, id: entry.id, country: entry.country, adjective: adjective || undefined, rule,
  });
}

/**
 * Finds every codebook alias in the text, longest match first, left to right. A capital used as an
 * actor stands for its country; a country named inside a longer name ("Noorse Nobelcomité") is a mention too.
 */
export function findCodebookMentions(doc: Doc, codebook: Codebook): EntityMention[] {
  const index = aliasIndexFor(codebook, doc.lang);
  const { tokens, text } = doc;
  const out: EntityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = index.longestAt(tokens, text, i);
    if (!m) continue;
    const last = i + m.length - 1;
    let entry = m.form.entry;
    let rule = m.form.adjective ? 'codebook.adjective' : 'codebook.alias';
    if (entry.metonymFor && !m.form.adjective && !(i > 0 && LOCATIVE.has(tokens.folded[i - 1])) && !(i > 1 && LOCATIVE.has(tokens.folded[i - 2]) && tokens.folded[i - 1] === 'van')) {
      entry = codebook.byId.get(entry.metonymFor) ?? entry;
      rule = 'codebook.metonym';
    }
    out.push(mention(doc, i, last, entry, rule, m.form.adjective));
    if (m.length > 1 && entry.type !== 'LOC') {
      for (let k = i; k <= last; k++) {
        const inner = index.longestAt(tokens, text, k, isNestedPlace);
        if (inner && k + inner.length - 1 <= last) {
          out.push(mention(doc, k, k + inner.length - 1, inner.form.entry, 'codebook.nested', inner.form.adjective));
          k += inner.length - 1;
        }
      }
    }
    i = last;
  }
  return out;
}
