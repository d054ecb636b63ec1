import { aliasIndexFor } from '../../codebook/alias-index.js';
import type { Codebook } from '../../codebook/load.js';
import type { Doc, EntityMention } from '../../doc/doc.js';

/** Finds every codebook alias in the text, longest match first, left to right. */
export function findCodebookMentions(doc: Doc, codebook: Codebook): EntityMention[] {
  const index = aliasIndexFor(codebook, doc.lang);
  const { tokens, text } = doc;
  const out: EntityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = index.longestAt(tokens, text, i);
    if (!m) continue;
    const last = i + m.length - 1;
    const { entry } = m.form;
    out.push({
      start: tokens.starts[i], end: tokens.ends[last], tokenStart: i, tokenEnd: last + 1,
      type: entry.type, name: entry.name, id: entry.id, country: entry.country,
      adjective: m.form.adjective || undefined,
      rule: m.form.adjective ? 'codebook.adjective' : 'codebook.alias',
    });
    i = last;
  }
  return out;
}
