import { entityMention, type Doc, type EntityMention } from '../../doc/doc.js';
import { zeroedUint8 } from '../../doc/slab.js';
import { TokenKind } from '../../doc/token-table.js';
import { TokenSet } from '../../doc/token-set.js';
import type { EntityType } from '../../pipeline/analysis.js';
import type { NameCues } from './name-cues.js';

const NAME_SHAPE = /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)*$/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const PLACE_PREPOSITIONS = new Set(['in', 'naar', 'nabij', 'near', 'nach', 'nahe', 'a', 'vers']);
const SKIPPABLE_BEFORE_NAME = new Set(['de', 'het', 'the', 'der', 'die', 'das', 'le', 'la', 'l', ',', 'a', 'an', 'een']);
/** Share of capitalised words above which a line reads as a title-case headline, not prose. */
const HEADLINE_CAPITALS = 0.6;

/** Folded forms of the words written in lower case somewhere in the document (reused from document to document). */
const lowerWords = new TokenSet();

function isCapitalWord(doc: Doc, i: number): boolean {
  return doc.tokens.kinds[i] === TokenKind.Word && doc.tokens.upper[i] === 1;
}

/** True when no line break lies between tokens `a` and `b`. */
function sameLine(doc: Doc, a: number, b: number): boolean {
  const { text, tokens } = doc;
  for (let k = tokens.ends[a]; k < tokens.starts[b]; k++) if (text.charCodeAt(k) === 10) return false;
  return true;
}

function headlineLines(doc: Doc): Uint8Array {
  const mask = zeroedUint8(doc.tokens.length);
  for (const p of doc.paragraphs) {
    let words = 0;
    let capitals = 0;
    for (let i = p.tokenStart; i < p.tokenEnd; i++) {
      if (doc.tokens.kinds[i] !== TokenKind.Word) continue;
      words++;
      if (isCapitalWord(doc, i)) capitals++;
    }
    if (words >= 3 && capitals / words > HEADLINE_CAPITALS) mask.fill(1, p.tokenStart, p.tokenEnd);
  }
  return mask;
}

/** Finds names the codebook does not know, typed PERSON / ORG / LOC from titles, name heads and context. */
export function findUnknownNames(doc: Doc, cues: NameCues, covered: Uint8Array): EntityMention[] {
  const { tokens, text } = doc;
  const headline = headlineLines(doc);
  const sentenceStart = zeroedUint8(tokens.length);
  for (const s of doc.sentences) if (s.tokenStart < tokens.length) sentenceStart[s.tokenStart] = 1;
  lowerWords.reset(tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] === TokenKind.Word && tokens.upper[i] === 0) lowerWords.add(i);
  }
  const out: EntityMention[] = [];
  const adjacent = (a: number, b: number) => tokens.ends[a] === tokens.starts[b];

  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || headline[i] || !isCapitalWord(doc, i)) continue;
    let first = i;
    while (first < tokens.length && !covered[first] && isCapitalWord(doc, first) && cues.notNames.has(tokens.folded[first])) first++;
    if (first >= tokens.length || covered[first] || !isCapitalWord(doc, first)) { i = Math.max(i, first - 1); continue; }
    let last = first;
    let hasJoiner = false;
    let orgJoiner = false;
    for (let k = first + 1; k < tokens.length; k++) {
      if (!sameLine(doc, k - 1, k)) break;
      if (!covered[k] && isCapitalWord(doc, k) && !(cues.notNames.has(tokens.folded[k]) && !adjacent(k - 1, k))) { last = k; continue; }
      if (tokens.folded[k] === '.' && adjacent(k - 1, k) && /^\p{Lu}$/u.test(text.slice(tokens.starts[k - 1], tokens.ends[k - 1]))
        && k + 1 < tokens.length && !covered[k + 1] && isCapitalWord(doc, k + 1)) {
        last = ++k;
        continue;
      }
      if (tokens.folded[k] === '-' && adjacent(k - 1, k) && k + 1 < tokens.length && adjacent(k, k + 1) && !covered[k + 1] && isCapitalWord(doc, k + 1)) {
        last = ++k;
        continue;
      }
      if (cues.joiners.has(tokens.folded[k]) && !isCapitalWord(doc, k) && k + 1 < tokens.length && !covered[k + 1] && isCapitalWord(doc, k + 1)
        && !cues.notNames.has(tokens.folded[k + 1])) {
        hasJoiner = true;
        if (cues.orgJoiners.has(tokens.folded[k])) orgJoiner = true;
        last = ++k;
        continue;
      }
      break;
    }
    const n = last - first + 1;
    const type = typeOf(doc, cues, first, last, n, orgJoiner, hasJoiner, sentenceStart[first] === 1 || (first > 0 && sentenceStart[first - 1] === 1 && !isCapitalWord(doc, first - 1) && tokens.kinds[first - 1] === TokenKind.Punct));
    if (type) {
      const from = type.from ?? first;
      const surface = text.slice(tokens.starts[from], tokens.ends[last]);
      out.push(entityMention({
        start: tokens.starts[from], end: tokens.ends[last], tokenStart: from, tokenEnd: last + 1,
        type: type.type, name: surface, id: `doc:${type.type}:${surface}`, rule: type.rule,
      }));
    }
    i = last;
  }
  return out;
}

function typeOf(
  doc: Doc, cues: NameCues, first: number, last: number, n: number,
  orgJoiner: boolean, hasJoiner: boolean, atSentenceStart: boolean,
): { type: EntityType; rule: string; from?: number } | null {
  const { tokens, text } = doc;
  if (n >= 2) {
    for (let k = first; k <= last; k++) if (cues.orgHeads.has(tokens.folded[k]) && isCapitalWord(doc, k)) return { type: 'ORG', rule: 'names.org-head' };
  }
  let p = first - 1;
  while (p >= 0 && SKIPPABLE_BEFORE_NAME.has(tokens.folded[p]) && first - p < 3) p--;
  const introducer = p >= 0 ? cues.orgIntroducers.longestEndingAt(tokens, p) : null;
  if (introducer) {
    const from = p - introducer.length + 1;
    if (introducer.length === 1 && cues.orgIntroducersInName.has(tokens.folded[p])) return { type: 'ORG', rule: 'names.org-introducer', from };
    return { type: 'ORG', rule: 'names.org-introducer' };
  }
  if (orgJoiner) return null;
  for (let k = first; k <= last; k++) {
    if (cues.nonPersonWords.has(tokens.folded[k]) || cues.personTitles.hasWord(tokens.folded[k])) return null;
  }
  const title = first > 0 ? cues.personTitles.longestEndingAt(tokens, first - 1) : null;
  const raw = (k: number) => text.slice(tokens.starts[k], tokens.ends[k]);
  if (title && !(n === 1 && ACRONYM.test(raw(first)))) return { type: 'PERSON', rule: 'names.after-title' };
  let shaped = true;
  let common = false;
  for (let k = first; k <= last; k++) {
    const f = tokens.folded[k];
    if (tokens.kinds[k] === TokenKind.Punct) continue;
    if (!NAME_SHAPE.test(raw(k)) && !cues.joiners.has(f) && !/^\p{Lu}$/u.test(raw(k))) shaped = false;
    if (lowerWords.has(k) && !cues.joiners.has(f)) common = true;
  }
  if (n >= 2 && cues.givenNames.has(tokens.folded[first]) && shaped) return { type: 'PERSON', rule: 'names.given-name' };
  // German capitalises every noun: a capitalised run there is no evidence of a name on its own.
  if (doc.lang === 'de' || common || !shaped) return null;
  if (n >= 2 && n <= 4 && !atSentenceStart && !hasJoiner && introducesPerson(doc, cues, last)) return { type: 'PERSON', rule: 'names.shape' };
  if (!atSentenceStart && first > 0 && PLACE_PREPOSITIONS.has(tokens.folded[first - 1]) && n <= 3) return { type: 'LOC', rule: 'names.after-preposition' };
  return null;
}

/** A name followed by a speech verb ("…, zei", "said") or an appositive title (", de oppositieleider") is a person. */
function introducesPerson(doc: Doc, cues: NameCues, last: number): boolean {
  const { tokens } = doc;
  const next = last + 1;
  if (next >= tokens.length) return false;
  if (cues.personFollowers.has(tokens.folded[next])) return true;
  if (tokens.folded[next] !== ',') return false;
  let k = next + 1;
  if (k < tokens.length && SKIPPABLE_BEFORE_NAME.has(tokens.folded[k])) k++;
  return k < tokens.length && !!cues.personTitles.longestAt(tokens, k);
}
