const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FONT = 'font-family="system-ui, sans-serif"';

function logScale(min, max, x0, x1) {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return (v) => x0 + ((Math.log10(Math.max(v, min)) - lo) / (hi - lo)) * (x1 - x0);
}

function ticks(min, max) {
  const out = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min && v <= max) out.push(v);
    }
  }
  return out;
}

const label = (v) => (v >= 1 ? String(Math.round(v * 10) / 10) : String(Math.round(v * 100) / 100));

function axis(parts, scale, y0, y1, values, unit) {
  for (const v of values) {
    const x = scale(v);
    parts.push(`<line x1="${x}" y1="${y0}" x2="${x}" y2="${y1}" stroke="#ddd"/>`);
    parts.push(`<text x="${x}" y="${y1 + 14}" font-size="10" text-anchor="middle" ${FONT} fill="#555">${label(v)}</text>`);
  }
  parts.push(`<text x="${scale(values.at(-1))}" y="${y1 + 28}" font-size="10" text-anchor="end" ${FONT} fill="#555">${esc(unit)} (log scale)</text>`);
}

/** An SVG with two panels: analysis throughput (MB/s, log scale; floor, Geiger, wink-nlp) and search latency per query (p50/p95/p99 ms). */
export function benchmarkSvg({ throughput, throughputTarget, latency, latencyTarget, subtitle }) {
  const width = 900;
  const left = 250;
  const right = width - 110;
  const barH = 18;
  const parts = [];
  let y = 30;
  parts.push(`<text x="20" y="${y}" font-size="16" font-weight="bold" ${FONT}>Geiger benchmarks</text>`);
  parts.push(`<text x="20" y="${y + 18}" font-size="11" ${FONT} fill="#555">${esc(subtitle)}</text>`);
  y += 50;
  parts.push(`<text x="20" y="${y}" font-size="13" font-weight="bold" ${FONT}>Analysis throughput, MB of text per second (higher is better)</text>`);
  y += 12;
  const tMax = Math.max(...throughput.map((t) => t.value), throughputTarget) * 1.5;
  const tMin = Math.min(...throughput.map((t) => t.value), throughputTarget) / 2;
  const tx = logScale(tMin, tMax, left, right);
  const top = y;
  y += throughput.length * (barH + 8);
  axis(parts, tx, top, y, ticks(tMin, tMax), 'MB/s');
  throughput.forEach((t, i) => {
    const by = top + i * (barH + 8) + 4;
    parts.push(`<text x="${left - 8}" y="${by + 13}" font-size="11" text-anchor="end" ${FONT}>${esc(t.label)}</text>`);
    parts.push(`<rect x="${left}" y="${by}" width="${Math.max(1, tx(t.value) - left)}" height="${barH}" fill="${t.color}"/>`);
    parts.push(`<text x="${tx(t.value) + 4}" y="${by + 13}" font-size="10" ${FONT}>${label(t.value)}</text>`);
  });
  parts.push(`<line x1="${tx(throughputTarget)}" y1="${top}" x2="${tx(throughputTarget)}" y2="${y}" stroke="#c00" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${tx(throughputTarget) + 3}" y="${top + 2}" font-size="10" ${FONT} fill="#c00">target ${throughputTarget} MB/s</text>`);
  y += 60;
  parts.push(`<text x="20" y="${y}" font-size="13" font-weight="bold" ${FONT}>Search latency, ms (lower is better): ${esc(latency.title)}</text>`);
  y += 12;
  const all = latency.queries.flatMap((q) => [q.p50, q.p95, q.p99]);
  const lMax = Math.max(...all, latencyTarget) * 1.5;
  const lMin = Math.max(0.01, Math.min(...all) / 2);
  const lx = logScale(lMin, lMax, left, right);
  const ltop = y;
  const groupH = 3 * 9 + 10;
  y += latency.queries.length * groupH;
  axis(parts, lx, ltop, y, ticks(lMin, lMax), 'ms');
  const colors = { p50: '#4c78a8', p95: '#f58518', p99: '#b279a2' };
  latency.queries.forEach((q, i) => {
    const gy = ltop + i * groupH + 4;
    parts.push(`<text x="${left - 8}" y="${gy + 17}" font-size="11" text-anchor="end" ${FONT}>${esc(q.name)}</text>`);
    ['p50', 'p95', 'p99'].forEach((p, k) => {
      parts.push(`<rect x="${left}" y="${gy + k * 9}" width="${Math.max(1, lx(q[p]) - left)}" height="8" fill="${colors[p]}"/>`);
    });
    parts.push(`<text x="${lx(q.p99) + 4}" y="${gy + 24}" font-size="9" ${FONT} fill="#555">p95 ${label(q.p95)} ms</text>`);
  });
  parts.push(`<line x1="${lx(latencyTarget)}" y1="${ltop}" x2="${lx(latencyTarget)}" y2="${y}" stroke="#c00" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="${lx(latencyTarget) + 3}" y="${ltop + 2}" font-size="10" ${FONT} fill="#c00">target p95 ${latencyTarget} ms</text>`);
  y += 40;
  Object.entries(colors).forEach(([p, c], k) => {
    parts.push(`<rect x="${left + k * 70}" y="${y - 10}" width="10" height="10" fill="${c}"/><text x="${left + k * 70 + 14}" y="${y}" font-size="11" ${FONT}>${p}</text>`);
  });
  y += 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">\n<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`;
}
