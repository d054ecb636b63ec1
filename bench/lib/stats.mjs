/** The q-quantile (0..1) of a list of numbers by linear interpolation. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Seconds since `start` (a performance.now() value). */
export const secondsSince = (start) => (performance.now() - start) / 1000;

/** Total UTF-8 bytes of the articles' texts. */
export const textBytes = (articles) => articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);

/** Rounds to `digits` decimals (for the JSON output). */
export const round = (x, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
