import { entityMention, type Doc, type EntityMention } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';

const AGE_WORDS = new Set(['jarige', 'year', 'jahrige', 'jahrigen', 'jahriger']);
const MIN_SURNAME = 3;

/**
 * Links short forms inside one document: a surname alone after the full name ("Erath" after
 * "John Erath") and age descriptions ("de 57-jarige", "the 70-year-old") to the last person named.
 */
export function findCoreferences(doc: Doc, known: EntityMention[], covered: Uint8Array): EntityMention[] {
  const { tokens } = doc;
  const surnames = new Map<string, EntityMention>();
  for (const m of known) {
    if (m.type !== 'PERSON' || m.tokenEnd - m.tokenStart < 2 || m.rule.startsWith('role.')) continue;
    const last = m.tokenEnd - 1;
    const s = tokens.folded[last];
    if (s.length < MIN_SURNAME || tokens.kinds[last] !== TokenKind.Word) continue;
    const prev = surnames.get(s);
    if (prev && prev.id !== m.id) surnames.set(s, { ...prev, id: '' });
    else if (!prev) surnames.set(s, m);
  }
  const persons = known.filter((m) => m.type === 'PERSON').sort((a, b) => a.start - b.start);
  const out: EntityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const f = tokens.folded[i];
    const target = tokens.upper[i] === 1 ? surnames.get(f) : undefined;
    if (target && target.id) {
      out.push(entityMention({ ...target, start: tokens.starts[i], end: tokens.ends[i], tokenStart: i, tokenEnd: i + 1, rule: 'coref.surname' }));
      continue;
    }
    if (tokens.kinds[i] === TokenKind.Number && i + 2 < tokens.length && tokens.folded[i + 1] === '-' && AGE_WORDS.has(tokens.folded[i + 2])) {
      let end = i + 2;
      if (tokens.folded[end] === 'year' && tokens.folded[end + 1] === '-' && tokens.folded[end + 2] === 'old') end += 2;
      let antecedent: EntityMention | undefined;
      for (const p of persons) { if (p.start < tokens.starts[i]) antecedent = p; else break; }
      for (const p of out) if (p.type === 'PERSON' && p.start < tokens.starts[i] && (!antecedent || p.start > antecedent.start)) antecedent = p;
      if (antecedent) {
        out.push(entityMention({ ...antecedent, start: tokens.starts[i], end: tokens.ends[end], tokenStart: i, tokenEnd: end + 1, rule: 'coref.age' }));
      }
      i = end;
    }
  }
  return out;
}
