import type { Doc, Segment } from '../../doc/doc.js';
import { zeroedInt32 } from '../../doc/slab.js';
import { TokenKind, type TokenTable } from '../../doc/token-table.js';
import type { ClaimItem, ClaimRecord } from '../../pipeline/analysis.js';
import type { ClaimLexicon, Head } from './claim-cues.js';
import { findSource, holderCandidates, type HolderOf } from './holder.js';
import { readNumber, type NumberRead } from './numbers.js';

const NP_PUNCT = new Set(['-', '“', '”', '"', '‘', '’', "'", '„', '«', '»']);
const APOSTROPHES = new Set(['’', "'"]);
const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '–', '—']);
const ENUM_PUNCT = new Set(['.', ')']);
const MAX_QUANTITY = 100000;
const MIN_ELIDED = 10;
const LOOKBACK_SENTENCES = 4;

/** The noun phrase after a number: its head, item, and why it is not a claim when it is not. */
interface NounPhrase { head: Head | null; headStart: number; headEnd: number; item: ClaimItem | null; unit: boolean; change: boolean; nuclear: boolean }

function headAt(lex: ClaimLexicon, tokens: TokenTable, j: number): { head: Head; length: number } | null {
  const m = lex.heads.longestAt(tokens, j);
  if (m) return { head: m.value, length: m.length };
  const t = tokens.folded[j];
  if (tokens.kinds[j] !== TokenKind.Word || t.length < 6) return null;
  for (const s of lex.headSuffixes) if (t.endsWith(s.suffix)) return { head: s.head, length: 1 };
  return null;
}

function weaponClassIn(doc: Doc, lex: ClaimLexicon, from: number, to: number): ClaimItem | null {
  for (const m of doc.mentionsIn(doc.tokens.starts[from], doc.tokens.ends[to - 1])) {
    if (m.type === 'WEAPON' && lex.weaponClasses.has(m.id)) return lex.weaponClasses.get(m.id)!;
  }
  return null;
}

function qualifierIn(lex: ClaimLexicon, tokens: TokenTable, from: number, to: number): ClaimItem | null {
  for (let k = from; k < to;) {
    const q = lex.qualifiers.longestAt(tokens, k);
    if (q) return q.value;
    k++;
  }
  return null;
}

function anyIn(m: ClaimLexicon['nuclear'], tokens: TokenTable, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (m.longestAt(tokens, k)) return true;
  return false;
}

/** Reads the noun phrase after a number ending at `from`: partitive, modifiers, head noun. */
function nounPhrase(doc: Doc, lex: ClaimLexicon, weapons: Int32Array, from: number, limit: number): NounPhrase {
  const { tokens } = doc;
  let weapon: { head: Head; start: number; end: number } | null = null;
  const np: NounPhrase = { head: null, headStart: from, headEnd: from, item: null, unit: false, change: false, nuclear: false };
  let j = from;
  const part = j < limit ? lex.partitives.longestAt(tokens, j) : null;
  if (part) {
    j += part.length;
    for (let d = 0; d < 2 && j < limit; d++) {
      const det = lex.determiners.longestAt(tokens, j);
      if (!det) break;
      j += det.length;
    }
  }
  const modStart = j;
  for (let n = 0; n < 5 && j < limit; n++) {
    const kind = tokens.kinds[j];
    if (kind === TokenKind.Number) break;
    if (kind === TokenKind.Punct) {
      if (!NP_PUNCT.has(tokens.folded[j]) || (APOSTROPHES.has(tokens.folded[j]) && tokens.starts[j] === tokens.ends[j - 1] && tokens.kinds[j - 1] === TokenKind.Word)) break;
      j++;
      continue;
    }
    const h = headAt(lex, tokens, j);
    if (h) {
      np.head = h.head;
      np.headStart = j;
      np.headEnd = j + h.length;
      break;
    }
    const w = weapons[j];
    if (w >= 0) {
      const m = doc.mentions[w];
      weapon = { head: { item: lex.weaponClasses.get(m.id)!, generic: false }, start: j, end: m.tokenEnd };
      j = m.tokenEnd;
      continue;
    }
    if (j === modStart && !part && lex.units.longestAt(tokens, j)) { np.unit = true; return np; }
    if (lex.changeModifiers.longestAt(tokens, j)) np.change = true;
    if (lex.npBreaks.longestAt(tokens, j)) break;
    j++;
  }
  if (!np.head && weapon) {
    np.head = weapon.head;
    np.headStart = weapon.start;
    np.headEnd = weapon.end;
  }
  if (!np.head) return np;
  const after = doc.lang === 'fr' ? Math.min(limit, np.headEnd + 2) : np.headEnd;
  np.nuclear = anyIn(lex.nuclear, tokens, modStart, after) || weaponClassIn(doc, lex, modStart, after) !== null;
  if (np.head.generic && !np.nuclear) { np.head = null; return np; }
  np.item = weaponClassIn(doc, lex, modStart, np.headEnd) ?? np.head.item;
  if (np.item === 'nuclear warheads') np.item = qualifierIn(lex, tokens, modStart, after) ?? np.item;
  return np;
}

/** The nearest head noun before token `at` in the sentence, for numbers whose noun is left out. */
function antecedentItem(doc: Doc, lex: ClaimLexicon, sStart: number, at: number): ClaimItem | null {
  const { tokens } = doc;
  for (let k = at - 1; k >= sStart; k--) {
    const h = headAt(lex, tokens, k);
    if (!h) continue;
    if (h.head.generic && !anyIn(lex.nuclear, tokens, Math.max(sStart, k - 2), k + (doc.lang === 'fr' ? 2 : 0))) continue;
    const item = weaponClassIn(doc, lex, Math.max(sStart, k - 3), k + 1) ?? h.head.item;
    return item === 'nuclear warheads' ? qualifierIn(lex, tokens, Math.max(sStart, k - 3), k + 1) ?? item : item;
  }
  return null;
}

function clauseBounds(tokens: TokenTable, s: Segment, from: number, to: number): [number, number] {
  let a = from;
  while (a > s.tokenStart && !CLAUSE_PUNCT.has(tokens.folded[a - 1])) a--;
  let b = to;
  while (b < s.tokenEnd && !CLAUSE_PUNCT.has(tokens.folded[b])) b++;
  return [a, b];
}

/** Start of the hedges stacked right before token `at` ("naar schatting circa"), or `at` when none. */
function hedgeStart(lex: ClaimLexicon, tokens: TokenTable, at: number, floor: number): number {
  let k = at;
  for (let n = 0; n < 3 && k > floor; n++) {
    const h = lex.hedges.longestEndingAt(tokens, k - 1);
    if (!h || k - h.length < floor) break;
    k -= h.length;
  }
  return k;
}

/** Finds the arsenal claims of a document. */
export function extractClaims(doc: Doc, lex: ClaimLexicon, holderOf: HolderOf, dateTokens: Uint8Array): ClaimRecord[] {
  const { tokens, text } = doc;
  const weapons = zeroedInt32(tokens.length).fill(-1);
  doc.mentions.forEach((m, k) => { if (m.type === 'WEAPON' && lex.weaponClasses.has(m.id)) weapons[m.tokenStart] = k; });
  const out: ClaimRecord[] = [];
  const seen = new Set<string>();
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    let lastItem: ClaimItem | null = null;
    let fromItem: ClaimItem | null = null;
    for (let i = s.tokenStart; i < s.tokenEnd;) {
      const num = readNumber(text, tokens, lex, i, s.tokenEnd);
      if (!num) { i++; continue; }
      i = num.end;
      if (dateTokens[num.start] || num.value < 2) continue;
      let first = num.start;
      let range = false;
      const rw = num.end < s.tokenEnd ? lex.rangeWords.longestAt(tokens, num.end) ?? lex.rangeJoiners.longestAt(tokens, num.end) : null;
      const second = rw ? readNumber(text, tokens, lex, num.end + rw.length, s.tokenEnd) : null;
      if (rw && second && !dateTokens[second.start] && second.value > num.value && isYear(num) === isYear(second)) {
        const before = hedgeStart(lex, tokens, num.start, s.tokenStart);
        const joiner = lex.rangeJoiners.longestAt(tokens, num.end) !== null && !lex.rangeWords.longestAt(tokens, num.end);
        const opener = before > s.tokenStart && lex.rangeOpeners.longestEndingAt(tokens, before - 1) !== null;
        const isFrom = before > s.tokenStart && lex.fromWords.longestEndingAt(tokens, before - 1) !== null;
        if (isFrom && !joiner) {
          const np = nounPhrase(doc, lex, weapons, second.end, s.tokenEnd);
          fromItem = np.item;
        } else if (!joiner || opener) {
          const bound = opener ? before - 1 : before;
          first = bound;
          range = true;
          Object.assign(num, second);
          i = second.end;
        }
      }
      const claim = evaluate(doc, lex, holderOf, s, si, num, { first, range, lastItem, fromItem, weapons });
      fromItem = null;
      if (!claim) continue;
      lastItem = claim.item;
      const key = `${claim.holder ?? ''}|${claim.quantity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(claim);
    }
  }
  return out;
}

interface Context { first: number; range: boolean; lastItem: ClaimItem | null; fromItem: ClaimItem | null; weapons: Int32Array }

function isYear(num: NumberRead): boolean {
  return num.plain && !num.word && num.value >= 1900 && num.value <= 2100;
}

function evaluate(doc: Doc, lex: ClaimLexicon, holderOf: HolderOf, s: Segment, si: number, num: NumberRead, ctx: Context): ClaimRecord | null {
  const { tokens } = doc;
  if (num.decimal || num.value < 2 || num.value > MAX_QUANTITY || !Number.isInteger(num.value)) return null;
  const prev = ctx.first - 1;
  if (prev >= 0) {
    const p = tokens.folded[prev];
    if (lex.currency.has(p) || lex.units.longestEndingAt(tokens, prev)) return null;
    if ((p === '-' || p === '/') && tokens.ends[prev] === tokens.starts[ctx.first]) return null;
    if (isYear(num) && lex.yearPreps.longestEndingAt(tokens, prev)) return null;
  }
  if (num.end < s.tokenEnd && lex.scales.longestAt(tokens, num.end)) return null;
  if (num.start === s.tokenStart && !num.word && num.end < tokens.length && ENUM_PUNCT.has(tokens.folded[num.end])) return null;
  const np = nounPhrase(doc, lex, ctx.weapons, num.end, s.tokenEnd);
  if (np.unit || np.change) return null;
  if ((isYear(num) || num.word) && np.head && np.headStart > num.end + 2) return null;
  const lang = doc.lang;
  const hedgeAt = hedgeStart(lex, tokens, ctx.first, s.tokenStart);
  const hedged = hedgeAt < ctx.first;
  const [cStart, cEnd] = clauseBounds(tokens, s, hedgeAt, np.head ? np.headEnd : num.end);
  let item: ClaimItem | null = np.item;
  let rule = `claim.${lang}.number-noun`;
  if (!np.head) {
    if (isYear(num)) return null;
    const er = hasWithin(lex.er, tokens, Math.max(s.tokenStart, hedgeAt - 4), hedgeAt);
    if (num.word ? !(hedged || er) : num.value < MIN_ELIDED) return null;
    if (!er && !followerOk(doc, lex, num.end, s.tokenEnd)) return null;
    item = ctx.fromItem ?? ctx.lastItem ?? antecedentItem(doc, lex, s.tokenStart, ctx.first);
    if (!item) return null;
    rule = er ? `claim.${lang}.er-reference` : `claim.${lang}.elided-noun`;
  }
  if (ctx.range) rule = `claim.${lang}.range`;
  if (hasWithin(lex.notStock, tokens, cStart, cEnd)) return null;
  if (hedgeAt > s.tokenStart && lex.changePreps.longestEndingAt(tokens, hedgeAt - 1) && hasWithin(lex.changeVerbs, tokens, s.tokenStart, cEnd)) return null;
  const approx = hedged || ctx.range || hasWithin(lex.estimates, tokens, cStart, ctx.first);
  const end = np.head ? np.headEnd : num.end;
  const holder = findHolder(doc, lex, holderOf, s, si, { from: hedgeAt, numStart: num.start, numEnd: num.end, end, cStart, cEnd });
  return {
    holder,
    quantity: num.value,
    approx,
    item: item!,
    source: findSource(doc, lex, s.start, s.end),
    evidence: doc.span(tokens.starts[hedgeAt], tokens.ends[end - 1]),
    rule,
  };
}

function hasWithin(m: ClaimLexicon['notStock'], tokens: TokenTable, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const hit = m.longestAt(tokens, k);
    if (hit && k + hit.length <= to) return true;
  }
  return false;
}

function followerOk(doc: Doc, lex: ClaimLexicon, at: number, limit: number): boolean {
  const { tokens } = doc;
  if (at >= limit) return true;
  if (tokens.kinds[at] === TokenKind.Punct) return !lex.units.longestAt(tokens, at) && tokens.folded[at] !== '-';
  if (lex.units.longestAt(tokens, at)) return false;
  if (lex.elidedFollowers.longestAt(tokens, at)) return true;
  const m = doc.mentionsIn(tokens.starts[at], tokens.ends[at]);
  return m.length > 0 && (m[0].type === 'LOC' || m[0].type === 'ORG');
}

interface Where { from: number; numStart: number; numEnd: number; end: number; cStart: number; cEnd: number }

/** Whose forces: the country in the noun phrase, else the nearest before it in the sentence, after it, or earlier. */
function findHolder(doc: Doc, lex: ClaimLexicon, holderOf: HolderOf, s: Segment, si: number, w: Where): string | null {
  const { tokens } = doc;
  const npCands = holderCandidates(doc, lex, holderOf, tokens.starts[w.numEnd] ?? doc.text.length, tokens.ends[Math.min(tokens.length - 1, w.end + 2)]);
  const inNp = npCands.find((c) => c.m.adjective && c.m.tokenStart < w.end + 2);
  if (inNp) return inNp.holder;
  const clauseCands = holderCandidates(doc, lex, holderOf, tokens.starts[w.cStart], tokens.ends[w.cEnd - 1]);
  const worldNear = hasWithin(lex.world, tokens, Math.max(w.cStart, w.from - 3), Math.min(w.cEnd, w.end + 3));
  if (worldNear || (clauseCands.length === 0 && hasWithin(lex.world, tokens, w.cStart, w.cEnd))) return null;
  const before = holderCandidates(doc, lex, holderOf, s.start, tokens.starts[w.numStart]);
  if (before.length) return before[before.length - 1].holder;
  const after = holderCandidates(doc, lex, holderOf, tokens.ends[w.end - 1], s.end);
  if (after.length) return after[0].holder;
  const each = hasWithin(lex.each, tokens, s.tokenStart, w.cEnd);
  const para = paragraphStart(doc, s.start);
  for (let k = si - 1; k >= 0 && k >= si - LOOKBACK_SENTENCES; k--) {
    const prev = doc.sentences[k];
    if (prev.start < para && !each) break;
    const c = holderCandidates(doc, lex, holderOf, prev.start, prev.end).filter((x) => !x.viaPlace);
    if (c.length) return c[c.length - 1].holder;
  }
  return null;
}

/** Start of the last paragraph starting at or before `offset` (0 when none does). */
function paragraphStart(doc: Doc, offset: number): number {
  const list = doc.paragraphs;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1].start : 0;
}
