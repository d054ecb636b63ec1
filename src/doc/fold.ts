const MARKS = /[\p{M}\u00ad]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
/** Folded forms of non-ASCII words seen before: the Unicode path is the slow one, and words repeat. */
const unicodeCache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Lower-cases and strips diacritics ("Oekraïne" → "oekraine"); the key every name match compares on. */
export function fold(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return foldNonAscii(s);
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? s.toLowerCase() : s;
}

/** `fold` of a string known to hold a non-ASCII character. */
export function foldNonAscii(s: string): string {
  let out = unicodeCache.get(s);
  if (out === undefined) {
    out = foldUnicode(s);
    if (unicodeCache.size >= CACHE_LIMIT) unicodeCache.clear();
    unicodeCache.set(s, out);
  }
  return out;
}

function foldUnicode(s: string): string {
  const lower = s.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss').replace(/[’‘`´]/g, "'");
}
