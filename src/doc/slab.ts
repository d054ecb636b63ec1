/**
 * Zeroed typed arrays for per-document work, cut from shared slabs: allocating an ArrayBuffer per
 * array costs more than the work on a short document. Every byte is handed out once, so arrays are
 * zeroed and never shared; a slab is freed when no array cut from it is left. Large arrays get their own.
 */
const SLAB_BYTES = 1 << 18;
const OWN_BUFFER_BYTES = SLAB_BYTES >> 2;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** Offset in `slab` of `bytes` fresh bytes (8-aligned), replacing `slab` when it is full. */
function reserve(bytes: number): number {
  const size = (bytes + 7) & ~7;
  if (size > OWN_BUFFER_BYTES) {
    slab = new ArrayBuffer(size);
    used = SLAB_BYTES;
    return 0;
  }
  if (used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

/** A zeroed Uint8Array of length `n`. */
export function zeroedUint8(n: number): Uint8Array {
  const at = reserve(n);
  return new Uint8Array(slab, at, n);
}

/** A zeroed Int32Array of length `n`. */
export function zeroedInt32(n: number): Int32Array {
  const at = reserve(n * 4);
  return new Int32Array(slab, at, n);
}
