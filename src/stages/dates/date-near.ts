import type { Doc } from '../../doc/doc.js';

/** The resolved date of the date mention nearest to `offset` in the same sentence, or null. */
export function dateNear(doc: Doc, offset: number): string | null {
  if (doc.dates.length === 0 || doc.sentences.length === 0) return null;
  const s = doc.sentences[doc.sentenceAt(offset)];
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const d of doc.dates) {
    if (d.start >= s.end) break;
    if (d.end <= s.start) continue;
    const distance = d.end <= offset ? offset - d.end : d.start >= offset ? d.start - offset : 0;
    if (distance < bestDistance) { bestDistance = distance; best = d.value; }
  }
  return best;
}
