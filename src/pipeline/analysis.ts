/** The analysis record of ../shared/spec/ANALYSIS.md (contract v1) plus explainability fields. */

export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'WEAPON' | 'TREATY';
export const EVENT_TYPES = [
  'THREATEN', 'DEPLOY', 'EXERCISE', 'TREATY', 'CONDEMN', 'SANCTION', 'REASSURE', 'ASSESS', 'POSTURE',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const CLAIM_ITEMS = [
  'nuclear warheads', 'nonstrategic nuclear weapons', 'strategic nuclear weapons', 'deployed launchers',
  'ICBMs', 'SLBMs', 'strategic bombers', 'submarines', 'nuclear-capable aircraft', 'missiles', 'other',
] as const;
export type ClaimItem = (typeof CLAIM_ITEMS)[number];
export type TreatyAction =
  | 'suspend' | 'withdraw' | 'violate' | 'extend' | 'sign' | 'ratify' | 'de-ratify' | 'comply'
  | 'stop-data-exchange' | 'resume-data-exchange' | 'agree';

/** Character offsets into the article body; `text === body.slice(start, end)`. */
export interface Span { start: number; end: number; text: string }

/** A mention span that also says which rule found it. */
export interface Mention extends Span { rule?: string }

export interface EntityRecord {
  type: EntityType;
  name: string;
  /** Codebook id when the entity is known to the codebook. */
  id?: string;
  mentions: Mention[];
}

export interface QuoteRecord {
  speaker: string | null;
  speakerId?: string;
  text: string;
  direct: boolean;
  span: Span;
  rule?: string;
}

export interface EventRecord {
  type: EventType;
  actor: string | null;
  target: string | null;
  weapon: string | null;
  intensity: number;
  evidence: Span;
  rule?: string;
  /** The cue words that triggered the event. */
  cue?: Span;
  negated?: boolean;
  hypothetical?: boolean;
  /** TREATY events: which treaty and what was done to it. */
  treaty?: string | null;
  action?: TreatyAction | null;
  /** Date of the act when the text gives one (resolved against the publication date). */
  when?: string | null;
}

export interface ClaimRecord {
  holder: string | null;
  quantity: number;
  approx: boolean;
  item: ClaimItem;
  source: string | null;
  evidence: Span;
  rule?: string;
}

export interface DateMention extends Span { value: string; rule?: string }

export interface Analysis {
  id: string;
  date: string | null;
  lang: string;
  relevant: boolean;
  entities: EntityRecord[];
  quotes: QuoteRecord[];
  events: EventRecord[];
  claims: ClaimRecord[];
  /** Extras beyond the contract. */
  title?: string;
  url?: string;
  relevance?: number;
  dates?: DateMention[];
  diagnostics?: string[];
  /** Pipeline and codebook versions that made this record. */
  version?: { pipeline: string; codebook: string };
}
