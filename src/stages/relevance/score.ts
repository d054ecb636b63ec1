import type { Doc } from '../../doc/doc.js';
import { TokenKind } from '../../doc/token-table.js';
import type { RelevanceLexicon } from './relevance-cues.js';

/** The evidence behind a relevance score, kept apart so it can be explained and calibrated. */
export interface RelevanceEvidence { words: number; topic: number; strong: number; lead: number; entities: number; events: number; claims: number }

const CAP = 3;
const MIN_WORDS = 150;
const LEAD_SENTENCES = 3;

/** Counts topic words (body, and the lead: the first three sentences, title included), WEAPON/TREATY mentions, events and claims. */
export function relevanceEvidence(doc: Doc, lex: RelevanceLexicon): RelevanceEvidence {
  const { tokens } = doc;
  const leadEnd = doc.sentences.length > 0 ? doc.sentences[Math.min(LEAD_SENTENCES, doc.sentences.length) - 1].tokenEnd : tokens.length;
  const ev: RelevanceEvidence = { words: 0, topic: 0, strong: 0, lead: 0, entities: 0, events: 0, claims: doc.claims.length };
  for (let i = 0; i < tokens.length;) {
    if (tokens.kinds[i] === TokenKind.Punct) { i++; continue; }
    ev.words++;
    const m = lex.words.longestAt(tokens, i);
    if (!m) { i++; continue; }
    const w = m.value.topic + 2 * m.value.strong;
    ev.topic += m.value.topic;
    ev.strong += m.value.strong;
    if (i < leadEnd) ev.lead += w;
    ev.words += m.length - 1;
    i += m.length;
  }
  const seen = new Set<string>();
  for (const m of doc.mentions) if (m.type === 'WEAPON' || m.type === 'TREATY') seen.add(m.id);
  ev.entities = seen.size;
  ev.events = doc.events.filter((e) => !e.negated && !e.hypothetical).length;
  return ev;
}

/** Folds the evidence into a score between 0 and 1. */
export function relevanceScore(ev: RelevanceEvidence, lex: RelevanceLexicon): number {
  const s = lex.scoring;
  const density = ((ev.topic + 2 * ev.strong) * 100) / Math.max(ev.words, MIN_WORDS);
  const evidence = density
    + s.leadWeight * Math.min(ev.lead, CAP)
    + s.entityWeight * Math.min(ev.entities, CAP)
    + s.eventWeight * Math.min(ev.events, CAP)
    + s.claimWeight * Math.min(ev.claims, CAP);
  return 1 - Math.exp(-evidence / s.scale);
}
