import type { Context } from 'hono';
import { z } from 'zod';
import { CLAIM_ITEMS, EVENT_TYPES } from '../pipeline/analysis.js';
import { ApiError } from './errors.js';

/** A JSON Schema fragment as OpenAPI 3.1 takes it. */
export type JsonSchema = Record<string, unknown>;

interface ParamDef { zod: z.ZodType; schema: JsonSchema; description: string; list?: boolean }

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const last = (v: unknown): unknown => (Array.isArray(v) ? v[v.length - 1] : v);
const split = (v: unknown): unknown =>
  (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter((s) => s !== '');
const one = <T extends z.ZodType>(s: T) => z.preprocess(last, s);
const many = <T extends z.ZodType>(s: T) => z.preprocess(split, z.array(s));
const whole = (max: number) => z.string().regex(/^\d+$/, 'must be a whole number').transform(Number)
  .pipe(z.number().max(max, `must be at most ${max}`));
const eventType = z.enum(EVENT_TYPES, { error: (i) => `unknown event type ${JSON.stringify(i.input)}; expected one of ${EVENT_TYPES.join(', ')}` });
const claimItem = z.enum(CLAIM_ITEMS, { error: (i) => `unknown claim item ${JSON.stringify(i.input)}; expected one of ${CLAIM_ITEMS.join(', ')}` });
const name = z.string().max(200);
const dateSchema = { type: 'string', pattern: DATE.source, examples: ['2023', '2023-03', '2023-03-25'] };
const listOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/** Every query parameter the API takes: its validation and its OpenAPI description, from one table. */
export const PARAMS = {
  q: { zod: one(z.string().max(2000)), schema: { type: 'string' }, description: 'Search: words, "phrases", AND/OR/NOT, -word, parentheses' },
  from: { zod: one(z.string().regex(DATE, 'must be YYYY, YYYY-MM or YYYY-MM-DD')), schema: dateSchema, description: 'First date (inclusive; YYYY, YYYY-MM or YYYY-MM-DD)' },
  to: { zod: one(z.string().regex(DATE, 'must be YYYY, YYYY-MM or YYYY-MM-DD')), schema: dateSchema, description: 'Last date (inclusive)' },
  lang: { zod: many(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code like nl or en')), schema: listOf({ type: 'string' }), description: 'Languages (repeat or comma-separate)', list: true },
  actor: { zod: many(name), schema: listOf({ type: 'string' }), description: 'Actor: any name, alias or codebook id ("Poetin" = Vladimir Putin)', list: true },
  type: { zod: many(eventType), schema: listOf({ type: 'string', enum: [...EVENT_TYPES] }), description: 'Event types (repeat or comma-separate)', list: true },
  minIntensity: { zod: one(z.string().regex(/^\d+(\.\d+)?$/, 'must be a number from 0 to 10').transform(Number).pipe(z.number().max(10, 'must be at most 10'))), schema: { type: 'number', minimum: 0, maximum: 10 }, description: 'Minimum event intensity (0–10)' },
  limit: { zod: one(whole(MAX_LIMIT)), schema: { type: 'integer', minimum: 0, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, description: 'Page size' },
  offset: { zod: one(whole(Number.MAX_SAFE_INTEGER)), schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Items to skip' },
  speaker: { zod: many(name), schema: listOf({ type: 'string' }), description: 'Speaker: any name or alias', list: true },
  direct: { zod: one(z.enum(['true', 'false'], { error: () => 'must be true or false' }).transform((v) => v === 'true')), schema: { type: 'boolean' }, description: 'Direct (true) or reported (false) speech' },
  target: { zod: many(name), schema: listOf({ type: 'string' }), description: 'Event target: any name or alias', list: true },
  holder: { zod: many(name), schema: listOf({ type: 'string' }), description: 'Claim holder: any name or alias', list: true },
  item: { zod: many(claimItem), schema: listOf({ type: 'string', enum: [...CLAIM_ITEMS] }), description: 'Claim items', list: true },
  by: { zod: one(z.enum(['day', 'week', 'month'], { error: () => 'must be day, week or month' })), schema: { type: 'string', enum: ['day', 'week', 'month'], default: 'month' }, description: 'Period length' },
} satisfies Record<string, ParamDef>;

export type ParamName = keyof typeof PARAMS;
type Parsed<N extends ParamName> = { [K in N]?: z.output<(typeof PARAMS)[K]['zod']> };

/** The query parameters each route takes, shared by the handlers and the OpenAPI document. */
export const FILTERS = ['from', 'to', 'lang', 'actor', 'type', 'minIntensity', 'limit', 'offset'] as const satisfies readonly ParamName[];

/** Validates the query string against the named parameters; a bad value is a 400 naming the parameter and value. */
export function parseQuery<N extends ParamName>(c: Context, names: readonly N[], required: readonly N[] = []): Parsed<N> {
  const raw = c.req.queries();
  const shape: Record<string, z.ZodType> = {};
  for (const n of names) shape[n] = required.includes(n) ? PARAMS[n].zod : PARAMS[n].zod.optional();
  const result = z.object(shape).safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? '');
    const given = raw[key];
    const value = given === undefined ? 'missing' : `got ${JSON.stringify(given.length === 1 ? given[0] : given)}`;
    const message = given === undefined ? `parameter ${key} is required` : `parameter ${key}: ${issue.message} (${value})`;
    throw new ApiError(400, 'BAD_REQUEST', message);
  }
  const out = result.data as Record<string, unknown>;
  for (const n of names) if (Array.isArray(out[n]) && (out[n] as unknown[]).length === 0) delete out[n];
  return out as Parsed<N>;
}

/** Limit and offset with the API's default page size. */
export function pageOf(q: { limit?: number; offset?: number }): { limit: number; offset: number } {
  return { limit: q.limit ?? DEFAULT_LIMIT, offset: q.offset ?? 0 };
}

const DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

/** One article as POST /api/articles takes it. */
export const ArticleInputSchema = z.object({
  id: z.string().trim().min(1).max(200).regex(/^[^\u0000-\u001f/?#]+$/, 'must not contain control characters, "/", "?" or "#"').optional(),
  date: z.string().regex(DAY_OR_MONTH, 'must be YYYY-MM or YYYY-MM-DD').nullable().optional(),
  text: z.string().refine((t) => t.trim() !== '', 'must not be empty'),
  url: z.string().max(2000).optional(),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code like nl or en').optional(),
  title: z.string().max(1000).optional(),
}).strict();
export type ArticleInput = z.output<typeof ArticleInputSchema>;

/** The most articles one POST may carry. */
export const MAX_BATCH = 1000;
