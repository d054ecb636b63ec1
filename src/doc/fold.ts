const MARKS = /[\p{M}\u00ad]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cases and strips diacritics ("Oekraïne" → "oekraine"); the key every name match compares on. */
export function fold(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return foldUnicode(s);
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? s.toLowerCase() : s;
}

function foldUnicode(s: string): string {
  const lower = s.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/ß/g, 'ss').replace(/[’‘`´]/g, "'");
}
