/** The 64-bit FNV-1a state in four 16-bit limbs (v0 lowest), to avoid BigInt. */
class Fnv64 {
  v0 = 0x2325;
  v1 = 0x8422;
  v2 = 0x9ce4;
  v3 = 0xcbf2;

  byte(b: number): void {
    this.v0 ^= b;
    const t0 = this.v0 * 0x1b3;
    let t1 = this.v1 * 0x1b3;
    let t2 = this.v2 * 0x1b3 + (this.v0 << 8);
    const t3 = this.v3 * 0x1b3 + (this.v1 << 8);
    t1 += t0 >>> 16;
    this.v0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    this.v1 = t1 & 0xffff;
    this.v3 = (t3 + (t2 >>> 16)) & 0xffff;
    this.v2 = t2 & 0xffff;
  }

  digest(): [number, number] {
    return [((this.v3 << 16) | this.v2) >>> 0, ((this.v1 << 16) | this.v0) >>> 0];
  }
}

/** FNV-1a 64-bit hash of UTF-8 bytes, returned as [high 32 bits, low 32 bits]. */
export function fnv1a64(bytes: Uint8Array): [number, number] {
  const h = new Fnv64();
  for (let i = 0; i < bytes.length; i++) h.byte(bytes[i]);
  return h.digest();
}

/**
 * fnv1a64 of a string's UTF-8 bytes (as TextEncoder makes them: a lone surrogate becomes U+FFFD), without encoding
 * the string first: SimHash hashes every word of every article.
 */
export function fnv1a64OfString(text: string): [number, number] {
  const h = new Fnv64();
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) { h.byte(c); continue; }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x800) { h.byte(0xc0 | (c >> 6)); h.byte(0x80 | (c & 0x3f)); continue; }
    if (c < 0x10000) { h.byte(0xe0 | (c >> 12)); h.byte(0x80 | ((c >> 6) & 0x3f)); h.byte(0x80 | (c & 0x3f)); continue; }
    h.byte(0xf0 | (c >> 18)); h.byte(0x80 | ((c >> 12) & 0x3f)); h.byte(0x80 | ((c >> 6) & 0x3f)); h.byte(0x80 | (c & 0x3f));
  }
  return h.digest();
}
