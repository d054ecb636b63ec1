import type { Codebook } from '../../codebook/load.js';
import type { Doc, EntityMention } from '../../doc/doc.js';
import type { ClaimLexicon } from './claim-cues.js';

/** A holder a mention stands for; `viaPlace` when it is a city or region standing for its country. */
export interface HolderRef { name: string; viaPlace: boolean }
/** Resolves a mention to the country or alliance that can hold nuclear forces, or null. */
export type HolderOf = (m: EntityMention) => HolderRef | null;

/** Builds the holder resolver: country mentions and adjectives, cities through their country, listed alliances. */
export function holderResolver(codebook: Codebook, holderOrgs: Set<string>): HolderOf {
  const countryByCode = new Map<string, string>();
  const countryIds = new Set<string>();
  for (const e of codebook.entries) {
    if (e.type !== 'LOC' || !e.adjectives || !e.country) continue;
    countryIds.add(e.id);
    if (!countryByCode.has(e.country)) countryByCode.set(e.country, e.name);
  }
  return (m) => {
    if (m.type === 'ORG') return holderOrgs.has(m.id) ? { name: m.name, viaPlace: false } : null;
    if (m.type !== 'LOC' || m.id.startsWith('doc:')) return null;
    if (m.adjective || countryIds.has(m.id)) return { name: m.name, viaPlace: false };
    const country = m.country ? countryByCode.get(m.country) : undefined;
    return country ? { name: country, viaPlace: true } : null;
  };
}

function precededBy(doc: Doc, matcher: ClaimLexicon['placePreps'], tokenStart: number): boolean {
  return tokenStart > 0 && matcher.longestEndingAt(doc.tokens, tokenStart - 1) !== null;
}

function insideOrg(m: EntityMention, all: EntityMention[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const o = all[k];
    if (o !== m && o.type === 'ORG' && o.start <= m.start && o.end >= m.end) return true;
  }
  return false;
}

/** Holder candidates in [start, end): mentions that resolve to a holder and are neither places nor sources. */
export function holderCandidates(doc: Doc, lex: ClaimLexicon, holderOf: HolderOf, start: number, end: number): { m: EntityMention; holder: string; viaPlace: boolean }[] {
  const out: { m: EntityMention; holder: string; viaPlace: boolean }[] = [];
  const all = doc.mentions;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (all[mid].start < start) lo = mid + 1; else hi = mid; }
  for (let k = lo; k < all.length && all[k].start < end; k++) {
    const m = all[k];
    const ref = holderOf(m);
    if (!ref || insideOrg(m, all, k)) continue;
    if (!m.adjective && (precededBy(doc, lex.placePreps, m.tokenStart) || precededBy(doc, lex.sourceCues, m.tokenStart))) continue;
    out.push({ m, holder: ref.name, viaPlace: ref.viaPlace });
  }
  return out;
}

/** The source of a claim in a sentence: "volgens SIPRI", "according to the FAS", "the Pentagon estimates". */
export function findSource(doc: Doc, lex: ClaimLexicon, sStart: number, sEnd: number): string | null {
  const { tokens } = doc;
  for (const m of doc.mentionsIn(sStart, sEnd)) {
    if (m.type !== 'ORG' && m.type !== 'PERSON') continue;
    for (let k = m.tokenStart - 1; k >= Math.max(0, m.tokenStart - 3); k--) {
      if (tokens.starts[k] < sStart) break;
      const cue = lex.sourceCues.longestEndingAt(tokens, k);
      if (cue) return m.name;
    }
    for (let k = m.tokenEnd; k < Math.min(tokens.length, m.tokenEnd + 3); k++) {
      if (tokens.starts[k] >= sEnd) break;
      if (lex.sourceVerbs.longestAt(tokens, k)) return m.name;
    }
  }
  return null;
}
