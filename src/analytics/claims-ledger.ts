import type { ClaimItem, Span } from '../pipeline/analysis.js';
import type { StoredClaim } from '../store/store.js';

/** One estimate in the ledger, with where it was reported. */
export interface Estimate {
  quantity: number;
  approx: boolean;
  source: string | null;
  articleId: string;
  date: string | null;
  lang: string | null;
  title: string | null;
  evidence: Span;
}

export interface LedgerEntry {
  /** The holder's canonical name, or null for a world total. */
  holder: string | null;
  holderId: string | null;
  item: ClaimItem;
  /** Oldest first (undated last). */
  estimates: Estimate[];
  /** True when two estimates differ by more than CONFLICT_RATIO (relative to the larger one). */
  conflict: boolean;
  /** The lowest and highest estimates, side by side, when they conflict. */
  low: Estimate | null;
  high: Estimate | null;
}

export interface BalanceRow { item: ClaimItem; holders: { holder: string | null; holderId: string | null; latest: Estimate }[] }

/** Estimates of one holder and item conflict when they differ by more than this share of the larger. */
export const CONFLICT_RATIO = 0.1;

const keyOf = (c: StoredClaim): string => `${c.holderId ?? c.holder ?? '\u0000world'}\u0001${c.item}`;
const dateKey = (d: string | null): string => d ?? '\uffff';

function estimateOf(c: StoredClaim): Estimate {
  return { quantity: c.quantity, approx: c.approx, source: c.source, articleId: c.articleId, date: c.date, lang: c.lang, title: c.title, evidence: c.evidence };
}

/** True when a and b differ by more than CONFLICT_RATIO of the larger. */
export function conflicting(a: number, b: number): boolean {
  const top = Math.max(Math.abs(a), Math.abs(b));
  return top > 0 && Math.abs(a - b) / top > CONFLICT_RATIO;
}

function groups(claims: StoredClaim[]): Map<string, { first: StoredClaim; estimates: Estimate[] }> {
  const out = new Map<string, { first: StoredClaim; estimates: Estimate[] }>();
  for (const c of claims) {
    const k = keyOf(c);
    const g = out.get(k);
    if (g) g.estimates.push(estimateOf(c));
    else out.set(k, { first: c, estimates: [estimateOf(c)] });
  }
  for (const g of out.values()) {
    g.estimates.sort((x, y) => (dateKey(x.date) < dateKey(y.date) ? -1 : dateKey(x.date) > dateKey(y.date) ? 1 : x.articleId < y.articleId ? -1 : 1));
  }
  return out;
}

/** Every estimate grouped by holder and item, conflicting groups flagged with their lowest and highest estimate. */
export function claimsLedger(claims: StoredClaim[]): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const { first, estimates } of groups(claims).values()) {
    let low = estimates[0];
    let high = estimates[0];
    for (const e of estimates) {
      if (e.quantity < low.quantity) low = e;
      if (e.quantity > high.quantity) high = e;
    }
    const conflict = conflicting(low.quantity, high.quantity);
    out.push({ holder: first.holder, holderId: first.holderId, item: first.item, estimates, conflict, low: conflict ? low : null, high: conflict ? high : null });
  }
  return out.sort((x, y) => Number(y.conflict) - Number(x.conflict) || y.estimates.length - x.estimates.length
    || (x.holder ?? '').localeCompare(y.holder ?? '') || x.item.localeCompare(y.item));
}

/** Per item, each holder's latest estimate (largest first): the balance of forces as reported. */
export function claimsBalance(claims: StoredClaim[]): BalanceRow[] {
  const byItem = new Map<ClaimItem, BalanceRow>();
  for (const { first, estimates } of groups(claims).values()) {
    const dated = estimates.filter((e) => e.date !== null);
    const pool = dated.length > 0 ? dated : estimates;
    const latest = pool[pool.length - 1];
    let row = byItem.get(first.item);
    if (!row) byItem.set(first.item, (row = { item: first.item, holders: [] }));
    row.holders.push({ holder: first.holder, holderId: first.holderId, latest });
  }
  const rows = [...byItem.values()];
  for (const r of rows) r.holders.sort((x, y) => y.latest.quantity - x.latest.quantity);
  return rows.sort((x, y) => y.holders.length - x.holders.length || x.item.localeCompare(y.item));
}
