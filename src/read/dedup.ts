import { createHash } from 'node:crypto';
import { CodePointTest, codePointWidth } from '../doc/code-point-test.js';
import { fnv1a64OfString } from './fnv.js';


/**
 * Largest Hamming distance between two 64-bit SimHashes still counted as the same story: 6.
 * The fingerprint is taken over the words of more than three letters (function words are noise),
 * each word a feature, so an edited word moves one feature, not three as with 3-shingles.
 * Measured on the demo corpus's four syndicated copies (a new headline, a sentence added or
 * removed, a few words changed) they lie 3 to 5 bits from their originals, while the closest of
 * ~15,000 pairs of different articles (demo corpus and ../shared/corpus together) lies 11 bits
 * apart and 99.9% lie 15 or more apart; 3-shingles put the same copies 7 to 13 bits apart with
 * unrelated pairs from 15, too close to separate. Candidates are looked up by the bands of
 * nearDuplicateBands, which fingerprints within these 6 bits always share.
 */
export const NEAR_DUPLICATE_BITS = 6;

/**
 * Fingerprints further apart than NEAR_DUPLICATE_BITS but within this many bits are checked on the texts
 * themselves: one repeated or inserted word can move a short text's fingerprint by up to ~8 bits.
 */
export const NEAR_DUPLICATE_CANDIDATE_BITS = 12;

/** Share of word 3-shingles two texts must have in common (Jaccard) to count as copies of one story. */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;

/**
 * The word 3-shingles of a text (normalised as for hashing), each as a 32-bit hash; a text of one or two words is its
 * own shingle. Numbers instead of joined strings: the sets are built for every near-copy check, and a chance
 * collision among a few thousand shingles moves a Jaccard score by well under 0.001.
 */
export function shingles(text: string): Set<number> {
  const words = normaliseForHash(text).split(' ').filter((w) => w !== '').map(wordHash);
  const out = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(mix(mix(words[i], words[i + 1]), words[i + 2]));
  if (words.length === 2) out.add(mix(words[0], words[1]));
  else if (words.length === 1) out.add(words[0]);
  return out;
}

/** FNV-1a 32 over a word's UTF-16 code units. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** An order-sensitive combination of two 32-bit hashes (murmur3's mixing steps). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Jaccard similarity of two shingle sets (1 for two empty sets). */
export function shingleSimilarity<T>(x: ReadonlySet<T>, y: ReadonlySet<T>): number {
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}

/** Jaccard similarity of the word 3-shingles of two texts (normalised as for hashing). */
export function textSimilarity(a: string, b: string): number {
  return shingleSimilarity(shingles(a), shingles(b));
}

/**
 * The byte pairs a fingerprint is indexed under: band k holds bytes i and j of the fingerprint (16 bits). Fingerprints
 * within NEAR_DUPLICATE_BITS (6) bits differ in at most 6 of the 8 bytes, so they agree on some pair and share that
 * band. Each band matches 1 in 65 536 unrelated fingerprints, against 1 in 512 for the seven 9-bit bands used before:
 * a lookup stays a handful of rows however large the store grows.
 */
export const NEAR_DUPLICATE_BYTE_PAIRS: readonly (readonly [number, number])[] = (() => {
  const pairs: [number, number][] = [];
  for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) pairs.push([i, j]);
  return pairs;
})();

/** The near-duplicate index bands of a 16-hex-digit fingerprint: `k:` and the 4 hex digits of byte pair k. */
export function nearDuplicateBands(hex: string): string[] {
  const h = hex.toLowerCase();
  return NEAR_DUPLICATE_BYTE_PAIRS.map(([i, j], k) => `${k}:${h.slice(2 * i, 2 * i + 2)}${h.slice(2 * j, 2 * j + 2)}`);
}

/** Normalises text for hashing: NFKC, lower case, punctuation and whitespace runs collapsed to one space, trimmed. */
export function normaliseForHash(text: string): string {
  return collapseSeparators(text.normalize('NFKC').toLowerCase()).trim();
}

const SEPARATOR = new CodePointTest(/^[\p{P}\s]$/u);

/**
 * `text.replace(/[\p{P}\s]+/gu, ' ')` without the regular expression, which took ~85 % of normaliseForHash: runs of
 * separators are found with a per-character table (CodePointTest) and the text between them is copied in slices.
 */
function collapseSeparators(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    let width = SEPARATOR.widthAt(text, i);
    if (width === 0) { i += codePointWidth(text, i); continue; }
    const runStart = i;
    while (width > 0) {
      i += width;
      width = i < text.length ? SEPARATOR.widthAt(text, i) : 0;
    }
    out += `${text.slice(copied, runStart)} `;
    copied = i;
  }
  return out + text.slice(copied);
}

/** SHA-256 (hex) of the normalised body: equal for copies that differ only in case, spacing or punctuation. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text)).digest('hex');
}

/** Words shorter than this carry no content for near-duplicate detection. */
const MIN_FEATURE_LENGTH = 4;

/** 64-bit SimHash over the content words of the normalised text (FNV-1a 64 per word), as 16 hex digits. */
export function simhash(text: string): string {
  const words = normaliseForHash(text).split(' ').filter((word) => word.length >= MIN_FEATURE_LENGTH);
  const counts = new Int32Array(64);
  for (const word of words) {
    const [high, low] = fnv1a64OfString(word);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit] += (high >>> (31 - bit)) & 1 ? 1 : -1;
      counts[bit + 32] += (low >>> (31 - bit)) & 1 ? 1 : -1;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (counts[bit] > 0) high |= 1 << (31 - bit);
    if (counts[bit + 32] > 0) low |= 1 << (31 - bit);
  }
  return hex32(high) + hex32(low);
}

/** Number of differing bits between two 16-hex-digit fingerprints. */
export function hammingDistance(a: string, b: string): number {
  return popcount(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) + popcount(parseInt(a.slice(8, 16), 16) ^ parseInt(b.slice(8, 16), 16));
}

/** True when two SimHash fingerprints differ in at most `threshold` bits (see NEAR_DUPLICATE_BITS). */
export function isNearDuplicate(a: string, b: string, threshold = NEAR_DUPLICATE_BITS): boolean {
  return hammingDistance(a, b) <= threshold;
}

/** Splits a fingerprint into `count` labelled bands of near-equal width (default four 16-bit bands); fingerprints within count - 1 bits share at least one band. */
export function simhashBands(hex: string, count = 4): string[] {
  const bits = BigInt(`0x${hex}`).toString(2).padStart(64, '0');
  const bands: string[] = [];
  for (let band = 0; band < count; band++) {
    const start = Math.floor((band * 64) / count);
    const end = Math.floor(((band + 1) * 64) / count);
    const width = Math.ceil((end - start) / 4);
    bands.push(`${band}:${parseInt(bits.slice(start, end), 2).toString(16).padStart(width, '0')}`);
  }
  return bands;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function popcount(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
