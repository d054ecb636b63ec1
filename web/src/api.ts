export type EventType =
  | 'THREATEN' | 'DEPLOY' | 'EXERCISE' | 'TREATY' | 'CONDEMN' | 'SANCTION' | 'REASSURE' | 'ASSESS' | 'POSTURE';
export const EVENT_TYPES: EventType[] = [
  'THREATEN', 'DEPLOY', 'EXERCISE', 'TREATY', 'CONDEMN', 'SANCTION', 'REASSURE', 'ASSESS', 'POSTURE',
];
export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'WEAPON' | 'TREATY';

export interface Span { start: number; end: number; text: string }
export interface Page<T> { total: number; items: T[] }

export interface Stats {
  articles: number; nearCopies: number; events: number; quotes: number; claims: number;
  languages: Record<string, number>; sources: Record<string, number>; first: string | null; last: string | null;
  eventsByType?: Record<string, number>;
}
export interface ArticleSummary {
  id: string; date: string | null; lang: string | null; title: string | null; url: string | null;
  relevant: boolean; nearDuplicateOf: string | null; eventCount: number; maxIntensity: number | null;
}
export interface Mention extends Span { rule?: string }
export interface Analysis {
  id: string; date: string | null; lang: string; relevant: boolean;
  entities: { type: EntityType; name: string; id?: string; mentions: Mention[] }[];
  quotes: { speaker: string | null; text: string; direct: boolean; span: Span; rule?: string }[];
  events: {
    type: EventType; actor: string | null; target: string | null; weapon: string | null; intensity: number;
    evidence: Span; rule?: string; cue?: Span; negated?: boolean; hypothetical?: boolean;
    treaty?: string | null; action?: string | null;
  }[];
  claims: {
    holder: string | null; quantity: number; approx: boolean; item: string; source: string | null;
    evidence: Span; rule?: string;
  }[];
}
export interface CopyRef { id: string; date: string | null; title: string | null; url: string | null }
export interface ArticleDetail {
  article: { id: string; date: string | null; lang: string | null; title: string | null; url: string | null; text: string };
  analysis: Analysis;
  nearCopies: CopyRef[];
  nearDuplicateOf: string | null;
}
export interface SearchHit {
  id: string; title: string | null; date: string | null; lang: string | null; score: number;
  snippet: string; highlights: { start: number; end: number }[];
}
export interface SearchPage extends Page<SearchHit> {
  facets?: { lang?: Record<string, number>; type?: Record<string, number>; actor?: Record<string, number> };
}
export interface StoredQuote {
  articleId: string; date: string | null; lang: string | null; title: string | null;
  speaker: string | null; text: string; direct: boolean; span?: Span;
}
export interface StoredEvent {
  articleId: string; date: string | null; lang?: string | null; title: string | null; type: EventType;
  actor: string | null; target: string | null; weapon: string | null; intensity: number; evidence: Span;
  treaty?: string | null; action?: string | null;
}
export interface StoredClaim {
  articleId: string; date: string | null; title: string | null; lang?: string | null;
  holder: string | null; quantity: number; approx: boolean; item: string; source: string | null; evidence?: Span;
}
export interface ClaimEstimate {
  quantity: number; approx?: boolean; date: string | null; articleId: string; source?: string | null;
  title?: string | null;
}
export interface ClaimsResponse {
  entries: StoredClaim[];
  groups: { holder: string | null; item: string; estimates: ClaimEstimate[]; conflict: boolean }[];
  balance: { item: string; holders: { holder: string | null; quantity: number; approx: boolean; date: string | null; articleId: string }[] }[];
}
export interface ActorRank { name: string; id?: string | null; type: EntityType | null; mentions: number; quotes: number; events: number }
export interface NetworkNode { id: string; name: string; type: EntityType | null; weight: number }
export interface NetworkEdge { source: string; target: string; weight: number }
export interface ActorProfile {
  name: string; id?: string | null; type: EntityType | null;
  aliases: Record<string, string[]>;
  counts: { mentions: number; quotes: number; events: number };
  quotes: StoredQuote[];
  eventsAsActor: StoredEvent[];
  eventsAsTarget: StoredEvent[];
  network: { nodes: NetworkNode[]; edges: NetworkEdge[] };
}
export interface TimelinePeriod {
  period: string; start: string; counts: Partial<Record<EventType, number>>; total: number; articles: number;
  escalation: number | null;
}
export interface TimelineResponse { by: string; periods: TimelinePeriod[] }
export interface TreatyEvent {
  date: string | null; action: string | null; actor: string | null; articleId: string; title: string | null;
  evidence: Span | string | null;
}
export interface Treaty {
  treaty: string; status: string | null; events: TreatyEvent[];
  byActor?: { actor: string | null; status: string | null; date: string | null }[];
}
export interface Story {
  id: string; title: string | null; first: string | null; last: string | null; languages: string[]; actors?: string[];
  articles: { id: string; date: string | null; lang: string | null; title: string | null }[];
}
export interface AlertRule {
  id: string | number; name: string; actor?: string | null; type?: string | null; minIntensity?: number | null;
  words?: string | string[] | null; created?: string;
}
export interface AlertHit {
  ruleId: string | number; articleId: string; eventIndex?: number | null; date: string | null; title: string | null;
  type?: string | null; actor?: string | null; intensity?: number | null; matchedAt?: string;
}

/** An API failure with the server's error code. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

/** Builds a query string from defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GETs a JSON document from the API. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    let code = 'HTTP_' + response.status;
    let message = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch { /* not JSON */ }
    throw new ApiError(response.status, code, message);
  }
  return (await response.json()) as T;
}

/** Reads an evidence field that may be a span or a plain string. */
export function evidenceText(evidence: Span | string | null | undefined): string {
  if (!evidence) return '';
  return typeof evidence === 'string' ? evidence : evidence.text;
}
