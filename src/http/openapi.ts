import { z } from 'zod';
import { WatchRuleInputSchema } from '../alerts/rules.js';
import { CLAIM_ITEMS, EVENT_TYPES } from '../pipeline/analysis.js';
import { ArticleInputSchema, FILTERS, PARAMS, type JsonSchema, type ParamName } from './schemas.js';

const str: JsonSchema = { type: 'string' };
const num: JsonSchema = { type: 'number' };
const int: JsonSchema = { type: 'integer' };
const bool: JsonSchema = { type: 'boolean' };
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const orNull = (s: JsonSchema): JsonSchema => (typeof s.type === 'string' ? { ...s, type: [s.type, 'null'] } : { anyOf: [s, { type: 'null' }] });
const counts: JsonSchema = { type: 'object', additionalProperties: int };
const obj = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)),
});
const page = (item: string, extra: Record<string, JsonSchema> = {}): JsonSchema => obj({ total: int, items: arr(ref(item)), ...extra });
const span = ref('Span');
const eventType: JsonSchema = { type: 'string', enum: [...EVENT_TYPES] };
const fromZod = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};
const articleRef = { articleId: str, date: orNull(str), lang: orNull(str), title: orNull(str) };

const SCHEMAS: Record<string, JsonSchema> = {
  Error: obj({ error: obj({ code: { type: 'string', enum: ['BAD_REQUEST', 'NOT_FOUND', 'UNAUTHORIZED', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'INTERNAL'] }, message: str }) }),
  Span: obj({ start: int, end: int, text: str }),
  Stats: obj({
    articles: int, nearCopies: int, duplicates: int, relevant: int, entities: int, events: int, quotes: int, claims: int,
    eventsByType: counts, languages: counts, sources: counts, first: orNull(str), last: orNull(str), versions: counts,
  }),
  ArticleSummary: obj({
    id: str, date: orNull(str), lang: orNull(str), title: orNull(str), url: orNull(str), relevant: bool,
    nearDuplicateOf: orNull(str), eventCount: int, maxIntensity: orNull(num), score: num, snippet: str,
  }, ['score', 'snippet']),
  NearCopy: obj({ id: str, date: orNull(str), title: orNull(str), url: orNull(str) }),
  Analysis: {
    ...obj({ id: str, date: orNull(str), lang: str, relevant: bool, entities: arr({ type: 'object' }), quotes: arr({ type: 'object' }), events: arr({ type: 'object' }), claims: arr({ type: 'object' }) }),
    description: 'The analysis record of spec/ANALYSIS.md, with rule and evidence fields on every item',
  },
  ArticleDetail: obj({
    article: obj({ id: str, date: orNull(str), lang: orNull(str), title: orNull(str), url: orNull(str), text: str }),
    analysis: ref('Analysis'), nearCopies: arr(ref('NearCopy')), nearDuplicateOf: orNull(str),
  }),
  ArticleInput: fromZod(ArticleInputSchema),
  ArticleBatch: obj({ articles: arr(ref('ArticleInput')) }),
  IngestSummary: obj({
    read: int, new: int, duplicates: int, nearDuplicates: int, alertHits: int,
    failed: arr(obj({ file: str, line: int, record: int, reason: str }, ['line', 'record'])),
    articles: arr(obj({ id: orNull(str), outcome: { type: 'string', enum: ['new', 'near', 'duplicate', 'failed'] } })),
  }),
  SearchHit: obj({ id: str, title: orNull(str), date: orNull(str), lang: orNull(str), score: num, snippet: str, highlights: arr(obj({ start: int, end: int })) }),
  SearchPage: page('SearchHit', { facets: obj({ lang: counts, type: counts, actor: counts }) }),
  StoredQuote: obj({ ...articleRef, speaker: orNull(str), speakerId: orNull(str), text: str, direct: bool, span, rule: orNull(str) }),
  StoredEvent: obj({
    ...articleRef, type: eventType, actor: orNull(str), actorId: orNull(str), target: orNull(str), targetId: orNull(str),
    weapon: orNull(str), intensity: num, evidence: span, cue: orNull(span), negated: bool, hypothetical: bool,
    treaty: orNull(str), action: orNull(str), when: orNull(str), rule: orNull(str),
  }),
  StoredClaim: obj({
    ...articleRef, holder: orNull(str), holderId: orNull(str), quantity: num, approx: bool,
    item: { type: 'string', enum: [...CLAIM_ITEMS] }, source: orNull(str), evidence: span, rule: orNull(str),
  }),
  Estimate: obj({ quantity: num, approx: bool, source: orNull(str), articleId: str, date: orNull(str), lang: orNull(str), title: orNull(str), evidence: span }),
  Claims: obj({
    total: int,
    entries: arr(ref('StoredClaim')),
    groups: arr(obj({ holder: orNull(str), holderId: orNull(str), item: str, estimates: arr(ref('Estimate')), conflict: bool, low: orNull(ref('Estimate')), high: orNull(ref('Estimate')) })),
    balance: arr(obj({ item: str, holders: arr(obj({ holder: orNull(str), holderId: orNull(str), quantity: num, approx: bool, date: orNull(str), articleId: str, source: orNull(str), title: orNull(str) })) })),
  }),
  ActorRank: obj({ name: str, id: str, type: orNull(str), mentions: int, articles: int, quotes: int, events: int, maxIntensity: orNull(num) }, ['id']),
  ActorProfile: obj({
    name: str, id: str, ids: arr(str), type: orNull(str),
    aliases: { type: 'object', additionalProperties: arr(str) }, adjectives: { type: 'object', additionalProperties: arr(str) },
    counts: obj({ mentions: int, articles: int, quotes: int, events: int, eventsAsActor: int, eventsAsTarget: int }),
    quotes: arr(ref('StoredQuote')), eventsAsActor: arr(ref('StoredEvent')), eventsAsTarget: arr(ref('StoredEvent')),
    coMentions: arr(obj({ key: str, name: str, id: orNull(str), type: str, articles: int })),
    network: obj({
      nodes: arr(obj({ id: str, name: str, type: orNull(str), weight: int })),
      edges: arr(obj({ source: str, target: str, weight: int })),
    }),
  }, ['id']),
  Timeline: obj({
    by: { type: 'string', enum: ['day', 'week', 'month'] }, undated: int,
    periods: arr(obj({
      period: str, start: str, counts, total: int, articles: int, escalation: num, heat: num, relief: num,
      intensitySum: num, intensityMax: orNull(num),
    })),
  }),
  TreatyAct: obj({
    date: orNull(str), action: orNull(str), status: orNull(str), actor: orNull(str), target: orNull(str), intensity: num,
    hypothetical: bool, articleId: str, articleDate: orNull(str), lang: orNull(str), title: orNull(str), evidence: span,
  }),
  Treaty: obj({
    treaty: orNull(str), status: orNull(str), latest: orNull(ref('TreatyAct')),
    byActor: arr(obj({ actor: orNull(str), status: str, date: orNull(str) })), events: arr(ref('TreatyAct')),
  }),
  Story: obj({
    id: str, title: str, first: orNull(str), last: orNull(str), languages: arr(str), eventTypes: arr(eventType), actors: arr(str),
    articles: arr(obj({ id: str, date: orNull(str), lang: orNull(str), title: orNull(str), nearCopy: bool })),
  }),
  WatchRuleInput: fromZod(WatchRuleInputSchema),
  WatchRule: obj({ id: str, name: str, actor: str, type: eventType, minIntensity: num, words: str, created: str }, ['actor', 'type', 'minIntensity', 'words']),
  AlertHit: obj({
    ruleId: str, articleId: str, eventIndex: int, date: orNull(str), title: orNull(str), type: eventType, actor: str,
    intensity: num, matchedAt: str,
  }, ['eventIndex', 'type', 'actor', 'intensity']),
};

interface RouteDoc {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  query?: readonly ParamName[];
  required?: readonly ParamName[];
  pathParams?: string[];
  body?: JsonSchema;
  write?: boolean;
  status?: string;
  response?: JsonSchema;
  contentType?: string;
}

/** Every route the server answers, in the order the document lists them. */
export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/api/stats', summary: 'What the store holds', response: ref('Stats') },
  { method: 'get', path: '/api/articles', summary: 'Articles, newest first; with q, ranked by the search', query: [...FILTERS, 'q'], response: page('ArticleSummary') },
  { method: 'post', path: '/api/articles', summary: 'Ingest one article or a batch {articles: [...]}', write: true, body: { oneOf: [ref('ArticleInput'), ref('ArticleBatch')] }, response: ref('IngestSummary') },
  { method: 'get', path: '/api/articles/{id}', summary: 'One article with its analysis and near copies', pathParams: ['id'], response: ref('ArticleDetail') },
  { method: 'get', path: '/api/search', summary: 'Full-text search with snippets, highlights and facets', query: [...FILTERS, 'q'], required: ['q'], response: ref('SearchPage') },
  { method: 'get', path: '/api/quotes', summary: 'Quotes', query: [...FILTERS, 'speaker', 'direct'], response: page('StoredQuote') },
  { method: 'get', path: '/api/events', summary: 'Events', query: [...FILTERS, 'target'], response: page('StoredEvent') },
  { method: 'get', path: '/api/claims', summary: 'Claims: entries, the ledger grouped by holder and item, and the balance', query: [...FILTERS, 'holder', 'item'], response: ref('Claims') },
  { method: 'get', path: '/api/actors', summary: 'Actors ranked by mentions', query: FILTERS, response: page('ActorRank') },
  { method: 'get', path: '/api/actors/{name}', summary: 'One actor (any name or alias): aliases, counts, quotes, events, network', pathParams: ['name'], query: ['limit'], response: ref('ActorProfile') },
  { method: 'get', path: '/api/timeline', summary: 'Event counts and the escalation index per period', query: ['by', 'actor', 'type', 'from', 'to', 'lang'], response: ref('Timeline') },
  { method: 'get', path: '/api/treaties', summary: 'Each treaty\'s reported acts and latest status', query: ['from', 'to', 'lang', 'actor'], response: arr(ref('Treaty')) },
  { method: 'get', path: '/api/stories', summary: 'Articles clustered into stories across languages', query: ['from', 'to', 'lang', 'limit', 'offset'], response: page('Story') },
  { method: 'get', path: '/api/alerts/rules', summary: 'Watch rules', response: arr(ref('WatchRule')) },
  { method: 'post', path: '/api/alerts/rules', summary: 'Create a watch rule', write: true, body: ref('WatchRuleInput'), status: '201', response: ref('WatchRule') },
  { method: 'delete', path: '/api/alerts/rules/{id}', summary: 'Delete a watch rule and its hits', write: true, pathParams: ['id'], status: '204' },
  { method: 'get', path: '/api/alerts/rules/{id}/hits', summary: 'A rule\'s hits, newest first', pathParams: ['id'], query: ['limit', 'offset'], response: page('AlertHit') },
  { method: 'get', path: '/alerts/{id}.atom', summary: 'Atom feed of a rule\'s hits', pathParams: ['id'], contentType: 'application/atom+xml', response: str },
  { method: 'get', path: '/openapi.json', summary: 'This document', response: { type: 'object' } },
];

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function operation(r: RouteDoc): Record<string, unknown> {
  const parameters = [
    ...(r.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: str })),
    ...(r.query ?? []).map((name) => {
      const p = PARAMS[name] as { schema: JsonSchema; description: string; list?: boolean };
      return {
        name, in: 'query', required: r.required?.includes(name) ?? false, description: p.description, schema: p.schema,
        ...(p.list ? { style: 'form', explode: true } : {}),
      };
    }),
  ];
  const status = r.status ?? '200';
  const responses: Record<string, unknown> = {
    [status]: r.response
      ? { description: 'OK', content: { [r.contentType ?? 'application/json']: { schema: r.response } } }
      : { description: 'Done' },
    ...(r.method === 'get' ? { 304: { description: 'Not modified (If-None-Match matched the ETag)' } } : {}),
    400: errorResponse('Bad parameter or body'),
    500: errorResponse('Internal error (details in the server log)'),
  };
  if (r.pathParams) responses[404] = errorResponse('Not found');
  if (r.write) {
    responses[401] = errorResponse('Missing or wrong bearer token');
    responses[403] = errorResponse('Writes are disabled (no GEIGER_TOKEN configured)');
    responses[413] = errorResponse('Body too large');
  }
  const operationId = `${r.method}${r.path.replace(/\{(\w+)\}/g, 'By_$1').split(/[^A-Za-z0-9_]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
  return {
    operationId, summary: r.summary, ...(parameters.length ? { parameters } : {}),
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
    ...(r.write ? { security: [{ bearer: [] }] } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the API. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) (paths[r.path] ??= {})[r.method] = operation(r);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Geiger API', version,
      description: 'Nuclear signalling in the news: articles, analyses, quotes, events, claims, actors, timelines and alerts. Reads are open; writes need Authorization: Bearer GEIGER_TOKEN.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: SCHEMAS, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
