/** FNV-1a 64-bit hash of UTF-8 bytes, returned as [high 32 bits, low 32 bits]; computed in four 16-bit limbs to avoid BigInt. */
export function fnv1a64(bytes: Uint8Array): [number, number] {
  let v0 = 0x2325;
  let v1 = 0x8422;
  let v2 = 0x9ce4;
  let v3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    v0 ^= bytes[i];
    const t0 = v0 * 0x1b3;
    let t1 = v1 * 0x1b3;
    let t2 = v2 * 0x1b3 + (v0 << 8);
    const t3 = v3 * 0x1b3 + (v1 << 8);
    t1 += t0 >>> 16;
    v0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    v1 = t1 & 0xffff;
    v3 = (t3 + (t2 >>> 16)) & 0xffff;
    v2 = t2 & 0xffff;
  }
  return [((v3 << 16) | v2) >>> 0, ((v1 << 16) | v0) >>> 0];
}
