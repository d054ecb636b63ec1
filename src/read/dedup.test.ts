import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  contentHash, hammingDistance, isNearDuplicate, NEAR_DUPLICATE_BITS, nearDuplicateBands, normaliseForHash, simhash, simhashBands,
} from './dedup.js';
import { fnv1a64, fnv1a64OfString } from './fnv.js';

const ORIGINAL = `The defence ministry said on Tuesday that a new regiment of mobile missile launchers had
taken up positions in the northern district, weeks after the government announced the plan. Officials
described the deployment as a response to exercises held by neighbouring states along the border. A
spokesman declined to say how many launchers were involved, but said the units would remain on alert
through the winter. Analysts in the capital said the move was mainly a political signal meant for
domestic audiences and for allies abroad. Opposition lawmakers demanded a debate in parliament and
asked the minister to explain the costs of the operation. The foreign ministry of a neighbouring
country summoned the ambassador and called the step an unnecessary escalation that would harm talks.
Diplomats expect the issue to come up at next month's security conference, where both sides are due
to present proposals on arms control and on limiting military activity near the frontier.`;

const EDITED = ORIGINAL
  .replace('on Tuesday', 'on Tuesday evening')
  .replace('Analysts in the capital said', 'Analysts said')
  .replace(/\n/g, ' ')
  .replace('escalation that', 'escalation, which')
  + ' (Reporting by staff; editing by the desk.)';

const UNRELATED = `Heavy rain flooded several streets in the old town on Sunday, and the fire brigade pumped water
from dozens of cellars. The city council opened a temporary shelter in a school gym for residents whose
homes had lost power. Weather forecasters expect more showers later this week, though temperatures
should rise again by the weekend. Shop owners along the river complained that warnings came too late
and asked for better flood barriers. The mayor promised an inquiry and said repairs to the drainage
system would be brought forward to next spring.`;

describe('contentHash', () => {
  it('is equal for copies differing only in case, spacing, punctuation and compatibility forms', () => {
    const a = 'The minister said: “No comment.”\n\nTalks resume  on Monday.';
    const b = 'the MINISTER said no comment talks resume on Monday';
    expect(normaliseForHash(a)).toBe('the minister said no comment talks resume on monday');
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash('ﬁve launches')).toBe(contentHash('five launches'));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(a)).not.toBe(contentHash('The minister said: yes.'));
  });
});

describe('simhash', () => {
  it('uses FNV-1a 64 for shingles', () => {
    const hex = (text: string) => fnv1a64(new TextEncoder().encode(text)).map((h) => h.toString(16).padStart(8, '0')).join('');
    expect(hex('')).toBe('cbf29ce484222325');
    expect(hex('a')).toBe('af63dc4c8601ec8c');
    expect(hex('foobar')).toBe('85944171f73967e8');
  });

  it('puts a lightly edited copy within the threshold and an unrelated article far away', () => {
    const original = simhash(ORIGINAL);
    expect(original).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(ORIGINAL.toUpperCase())).toBe(original);
    const near = hammingDistance(original, simhash(EDITED));
    const far = hammingDistance(original, simhash(UNRELATED));
    expect(near).toBeGreaterThan(3);
    expect(near).toBeLessThanOrEqual(6);
    expect(far).toBeGreaterThan(15);
    expect(isNearDuplicate(original, simhash(EDITED))).toBe(true);
    expect(isNearDuplicate(original, simhash(UNRELATED))).toBe(false);
  });

  it('counts differing bits across both halves', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
  });

  it('gives fingerprints within 3 bits at least one shared band', () => {
    const a = 'f0e1d2c3b4a59687';
    const b = '70e1d2c2b4a59686';
    expect(hammingDistance(a, b)).toBe(3);
    expect(simhashBands(a)).toEqual(['0:f0e1', '1:d2c3', '2:b4a5', '3:9687']);
    expect(simhashBands(a).filter((band) => simhashBands(b).includes(band))).toEqual(['2:b4a5']);
  });

  it('splits into more bands for a wider threshold, each band labelled by position', () => {
    const bands = simhashBands('ffffffffffffffff', 7);
    expect(bands).toHaveLength(7);
    expect(bands[0]).toBe('0:1ff');
    expect(simhashBands('0123456789abcdef', 4).join(' ')).toBe('0:0123 1:4567 2:89ab 3:cdef');
    const a = simhash('one two three four five six seven eight nine ten eleven twelve');
    const flipped = (BigInt(`0x${a}`) ^ 0x8000_0000_0100_0401n).toString(16).padStart(16, '0');
    expect(hammingDistance(a, flipped)).toBe(4);
    expect(simhashBands(a, 7).some((band) => simhashBands(flipped, 7).includes(band))).toBe(true);
  });
});

describe('fnv1a64OfString', () => {
  it('hashes a string as fnv1a64 hashes its UTF-8 bytes', () => {
    const viaBytes = (text: string) => fnv1a64(new TextEncoder().encode(text));
    for (const text of ['', 'kernwapens', 'Poutine', 'Übung', '核兵器', '\u{1F4A5}', 'a\ud800b', '\udc00']) {
      expect(fnv1a64OfString(text)).toEqual(viaBytes(text));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => { expect(fnv1a64OfString(text)).toEqual(viaBytes(text)); }), { numRuns: 2000 });
  });
});

describe('normaliseForHash', () => {
  const byRegex = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\p{P}\s]+/gu, ' ').trim();

  it('collapses every run of punctuation and white space to one space, as the Unicode property regex does', () => {
    expect(normaliseForHash('  Hé, «Poetin»!\u00a0zei—dat…  ')).toBe('hé poetin zei dat');
    expect(normaliseForHash('a\u{1F4A5}b\u{1D7CE}c\ud800d')).toBe(byRegex('a\u{1F4A5}b\u{1D7CE}c\ud800d'));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => { expect(normaliseForHash(text)).toBe(byRegex(text)); }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'É', ' ', ',', '.', '\u3000', '\u2014', '\ud83d\udca5', '«'), maxLength: 40 }),
      (text) => { expect(normaliseForHash(text)).toBe(byRegex(text)); }));
  });
});

describe('nearDuplicateBands', () => {
  const hex = (high: number, low: number) => (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');

  it('labels the 28 byte pairs of a fingerprint with their position', () => {
    const bands = nearDuplicateBands('0123456789ABCDEF');
    expect(bands).toHaveLength(28);
    expect(bands.slice(0, 3)).toEqual(['0:0123', '1:0145', '2:0167']);
    expect(bands[27]).toBe('27:cdef');
  });

  it('gives every two fingerprints within NEAR_DUPLICATE_BITS a shared band', () => {
    fc.assert(fc.property(
      fc.integer(), fc.integer(), fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: NEAR_DUPLICATE_BITS }),
      (high, low, flips) => {
        const a = hex(high, low);
        let h = high;
        let l = low;
        for (const bit of flips) if (bit < 32) h ^= 1 << bit; else l ^= 1 << (bit - 32);
        const b = hex(h, l);
        expect(hammingDistance(a, b)).toBe(flips.length);
        expect(nearDuplicateBands(a).some((band) => nearDuplicateBands(b).includes(band))).toBe(true);
      },
    ));
  });

  it('shares no band between fingerprints that differ in every byte', () => {
    expect(nearDuplicateBands('0000000000000000').filter((b) => nearDuplicateBands('0101010101010101').includes(b))).toEqual([]);
  });
});

describe('textSimilarity', () => {
  it('is high for a lightly edited copy and low for another story', async () => {
    const { textSimilarity } = await import('./dedup.js');
    const a = 'De minister zei dinsdag dat de oefening met raketten in het noorden volgende week begint en drie dagen duurt.';
    const b = 'De minister zei woensdag dat de oefening met raketten in het noorden volgende week begint en drie dagen duurt.';
    const c = 'In Utrecht won de thuisploeg zondag met twee doelpunten verschil van de bezoekers uit Zwolle.';
    expect(textSimilarity(a, b)).toBeGreaterThan(0.5);
    expect(textSimilarity(a, c)).toBeLessThan(0.1);
  });
});
