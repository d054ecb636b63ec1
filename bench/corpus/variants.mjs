import { mulberry32 } from './random.mjs';

/**
 * A stream for ingest: the generated articles with, by chance, an exact copy (same text under a new id, 5%) or a
 * near copy (one sentence dropped and a short line added, 5%) of an earlier article mixed in.
 */
export function withCopies(articles, seed = 1) {
  const rng = mulberry32(seed ^ 0x5bd1e995);
  const out = [];
  for (const a of articles) {
    out.push(a);
    const r = rng();
    if (out.length < 10 || r >= 0.1) continue;
    const source = out[Math.floor(rng() * (out.length - 1))];
    if (r < 0.05) out.push({ ...source, id: `${source.id}-copy-${out.length}` });
    else out.push({ ...source, id: `${source.id}-near-${out.length}`, text: nearCopyText(source.text) });
  }
  return out;
}

/** The text with its last sentence dropped and an editor's line added: a light edit that SimHash still links. */
export function nearCopyText(text) {
  const cut = text.lastIndexOf('. ');
  const body = cut > text.length / 2 ? text.slice(0, cut + 1) : text;
  return `${body}\n\nThis article was updated.`;
}
