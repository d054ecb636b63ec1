import type { Analysis } from '../pipeline/analysis.js';
import { EVENT_TYPES } from '../pipeline/analysis.js';

/** A gold record of ../shared/gold: names as lists of acceptable variants, no offsets. */
export interface GoldRecord {
  id: string;
  lang?: string;
  date?: string | null;
  relevant?: boolean;
  entities?: { type: string; names: string[] }[];
  quotes?: { speaker?: string[]; text: string; direct: boolean }[];
  events?: { type: string; actor?: string[]; target?: string[] }[];
  claims?: { holder?: string[]; quantity: number; approx?: boolean; item: string }[];
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Score extends Counts { p: number; r: number; f1: number }
export interface EvalResult { docs: number; missing: number; spansChecked: number; spansBad: number; scores: Record<string, Score>; problems: string[] }

const norm = (s: unknown) => String(s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const words = (s: unknown) => norm(s).split(' ').filter(Boolean);
const nameSet = (xs: (string | null | undefined)[]) => new Set(xs.filter((x) => x != null && x !== '').map(norm).filter(Boolean));
const meets = (a: Set<string>, b: Set<string>) => { for (const x of a) if (b.has(x)) return true; return false; };
const surnameMeets = (pred: string, goldNames: string[]) => {
  const p = words(pred);
  if (!p.length) return false;
  const last = p[p.length - 1];
  if (last.length < 4) return false;
  return goldNames.some((g) => { const w = words(g); return w.length > 0 && w[w.length - 1] === last; });
};

/** One-to-one greedy matching in gold order; returns the number matched. */
function match<G, P>(golds: G[], preds: P[], ok: (g: G, p: P) => boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const g of golds) {
    for (let j = 0; j < preds.length; j++) {
      if (used.has(j)) continue;
      if (ok(g, preds[j])) { used.add(j); tp++; break; }
    }
  }
  return tp;
}

/**
 * Scores predictions against gold with the matching rules of ANALYSIS.md (micro P/R/F1 per section and type).
 * `bodies` maps a document id to its body, to check that every span's text equals body.slice(start, end).
 */
export function score(gold: GoldRecord[], predictions: Analysis[], bodies?: Map<string, string>): EvalResult {
  const pred = new Map(predictions.map((p) => [String(p.id), p]));
  const counters: Record<string, Counts> = {};
  const add = (k: string, tp: number, fp: number, fn: number) => {
    const c = (counters[k] ??= { tp: 0, fp: 0, fn: 0 });
    c.tp += tp; c.fp += fp; c.fn += fn;
  };
  const problems: string[] = [];
  let missing = 0;
  let spansChecked = 0;
  let spansBad = 0;
  for (const g of gold) {
    const p = pred.get(String(g.id));
    if (!p) missing++;
    const P = p ?? { entities: [], quotes: [], events: [], claims: [], relevant: false } as unknown as Analysis;
    if (g.relevant != null) {
      const pr = P.relevant === true;
      add('relevance', g.relevant && pr ? 1 : 0, !g.relevant && pr ? 1 : 0, g.relevant && !pr ? 1 : 0);
    }
    const pe = (P.entities ?? []).map((e) => ({ type: e.type, names: nameSet([e.name, ...(e.mentions ?? []).map((m) => m.text)]) }));
    const ge = (g.entities ?? []).map((e) => ({ type: e.type, names: nameSet(e.names) }));
    const tpE = match(ge, pe, (a, b) => a.type === b.type && meets(a.names, b.names));
    add('entities', tpE, pe.length - tpE, ge.length - tpE);
    for (const t of ['PERSON', 'ORG', 'LOC', 'WEAPON', 'TREATY']) {
      const g2 = ge.filter((e) => e.type === t);
      const p2 = pe.filter((e) => e.type === t);
      const tp = match(g2, p2, (a, b) => meets(a.names, b.names));
      add(`entities.${t}`, tp, p2.length - tp, g2.length - tp);
    }
    for (const direct of [true, false]) {
      const gq = (g.quotes ?? []).filter((q) => !!q.direct === direct)
        .map((q) => ({ speaker: q.speaker ?? [], names: nameSet(q.speaker ?? []), w: words(q.text) }));
      const pq = (P.quotes ?? []).filter((q) => !!q.direct === direct)
        .map((q) => ({ speaker: q.speaker, w: new Set(words(q.text ?? q.span?.text)), n: words(q.text ?? q.span?.text).length }));
      type GQ = (typeof gq)[number];
      type PQ = (typeof pq)[number];
      const textOk = (a: GQ, b: PQ) => a.w.length > 0 && a.w.filter((x) => b.w.has(x)).length / a.w.length >= 0.5 && b.n <= 2 * a.w.length + 8;
      const spkOk = (a: GQ, b: PQ) => b.speaker != null && (meets(a.names, nameSet([b.speaker])) || surnameMeets(b.speaker, a.speaker));
      const k = direct ? 'quotes.direct' : 'quotes.indirect';
      const tpA = match(gq, pq, (a, b) => textOk(a, b) && spkOk(a, b));
      add(k, tpA, pq.length - tpA, gq.length - tpA);
      const tpT = match(gq, pq, textOk);
      add(`${k}.text_only`, tpT, pq.length - tpT, gq.length - tpT);
    }
    const seen = new Set<string>();
    const pv: { type: string; actor: string | null; names: Set<string> }[] = [];
    for (const e of P.events ?? []) {
      const key = `${e.type}|${norm(e.actor)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pv.push({ type: e.type, actor: e.actor, names: nameSet([e.actor]) });
    }
    const gv = (g.events ?? []).map((e) => ({ type: e.type, names: nameSet(e.actor ?? []), raw: e.actor ?? [] }));
    const gvOrdered = [...gv.filter((e) => e.names.size), ...gv.filter((e) => !e.names.size)];
    type GV = (typeof gv)[number];
    type PV = (typeof pv)[number];
    const actorOk = (a: GV, b: PV) => a.names.size === 0 || meets(a.names, b.names) || (!!b.actor && surnameMeets(b.actor, a.raw));
    const tpV = match(gvOrdered, pv, (a, b) => a.type === b.type && actorOk(a, b));
    add('events', tpV, pv.length - tpV, gv.length - tpV);
    const tpVt = match(gvOrdered, pv, (a, b) => a.type === b.type);
    add('events.type_only', tpVt, pv.length - tpVt, gv.length - tpVt);
    for (const t of EVENT_TYPES) {
      const g2 = gvOrdered.filter((e) => e.type === t);
      const p2 = pv.filter((e) => e.type === t);
      const tp = match(g2, p2, actorOk);
      add(`events.${t}`, tp, p2.length - tp, g2.length - tp);
    }
    const pc = (P.claims ?? []).map((c) => ({ names: nameSet([c.holder]), q: Number(c.quantity), item: c.item }));
    const gc = (g.claims ?? []).map((c) => ({ names: nameSet(c.holder ?? []), q: Number(c.quantity), item: c.item }));
    type C = (typeof gc)[number];
    const qOk = (a: C, b: C) => Math.abs(a.q - b.q) <= Math.max(0.01 * Math.abs(a.q), 0.5);
    const tpC = match(gc, pc, (a, b) => qOk(a, b) && (a.names.size === 0 || meets(a.names, b.names)));
    add('claims', tpC, pc.length - tpC, gc.length - tpC);
    const tpCi = match(gc, pc, (a, b) => qOk(a, b) && a.item === b.item && (a.names.size === 0 || meets(a.names, b.names)));
    add('claims.with_item', tpCi, pc.length - tpCi, gc.length - tpCi);
    const body = bodies?.get(String(g.id));
    if (p && body !== undefined) {
      const spans = [
        ...(P.entities ?? []).flatMap((e) => e.mentions ?? []),
        ...(P.quotes ?? []).map((q) => q.span), ...(P.events ?? []).map((e) => e.evidence),
        ...(P.claims ?? []).map((c) => c.evidence)].filter(Boolean);
      for (const s of spans) {
        spansChecked++;
        if (body.slice(s.start, s.end) !== s.text) {
          spansBad++;
          if (problems.length < 5) problems.push(`${g.id}: span ${s.start}-${s.end} ${JSON.stringify(s.text).slice(0, 60)}`);
        }
      }
    }
  }
  const scores: Record<string, Score> = {};
  for (const [k, c] of Object.entries(counters)) {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    scores[k] = { ...c, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  }
  return { docs: gold.length, missing, spansChecked, spansBad, scores, problems };
}
