import type {
  ClaimRecord, DateMention, EntityType, EventRecord, QuoteRecord, Span,
} from '../pipeline/analysis.js';
import { TokenTable } from './token-table.js';

/** A sentence or paragraph: character offsets plus its token range [tokenStart, tokenEnd). */
export interface Segment { start: number; end: number; tokenStart: number; tokenEnd: number }

/** One mention of an entity: offsets, token range, the entity it refers to and the rule that found it. */
export interface EntityMention {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  /** Canonical name (codebook name, or the surface form of an unknown name). */
  name: string;
  /** Codebook id, or `doc:<name>` for names found by the name detector. */
  id: string;
  country?: string;
  /** True when the mention is a country adjective or demonym ("Russische"). */
  adjective?: boolean;
  rule: string;
}

/**
 * A mention with every field, in one order, whichever stage finds it: all mentions then share one object shape,
 * so the code that reads them stays monomorphic (mixed shapes cost deoptimisations and slower property reads).
 */
export function entityMention(m: EntityMention): EntityMention {
  return {
    start: m.start, end: m.end, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, type: m.type, name: m.name, id: m.id,
    country: m.country, adjective: m.adjective, rule: m.rule,
  };
}

/** The document being analysed: the original body, its token table, and what each stage adds. */
export class Doc {
  readonly id: string;
  readonly text: string;
  readonly date: string | null;
  lang = 'und';
  tokens: TokenTable;
  sentences: Segment[] = [];
  paragraphs: Segment[] = [];
  mentions: EntityMention[] = [];
  quotes: QuoteRecord[] = [];
  events: EventRecord[] = [];
  claims: ClaimRecord[] = [];
  dates: DateMention[] = [];
  relevance = 0;
  relevant = false;
  readonly diagnostics: string[] = [];
  private readonly done = new Set<string>();

  constructor(input: { id: string; text: string; date?: string | null; lang?: string }) {
    this.id = input.id;
    this.text = input.text;
    this.date = input.date ?? null;
    if (input.lang) this.lang = input.lang;
    this.tokens = TokenTable.of('');
  }

  /** A span of the body: `text === body.slice(start, end)` by construction. */
  span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  /** Index of the sentence containing character `offset` (the last one starting at or before it). */
  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentences[mid].start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /** Mentions whose start lies in [start, end), in text order (mentions are sorted by start: binary search). */
  mentionsIn(start: number, end: number): EntityMention[] {
    const list = this.mentions;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: EntityMention[] = [];
    for (let k = lo; k < list.length && list[k].start < end; k++) out.push(list[k]);
    return out;
  }

  markDone(name: string): void { this.done.add(name); }
  isDone(name: string): boolean { return this.done.has(name); }
}
