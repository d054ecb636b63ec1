/**
 * A test of single code points against a one-character Unicode regex (`/^[\p{P}\s]$/u`, say), answered from a
 * per-UTF-16-unit table filled on first use: scanning text with it costs a table read per character instead of a
 * Unicode-property regex run.
 */
export class CodePointTest {
  /** Per BMP code unit: 0 not yet known, 1 matches, 2 does not. */
  private readonly known = new Uint8Array(0x10000);

  constructor(private readonly oneChar: RegExp) {}

  /** Code units of the code point at `i` (2 for a surrogate pair) when it matches, else 0. */
  widthAt(text: string, i: number): number {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      let k = this.known[unit];
      if (k === 0) this.known[unit] = k = this.oneChar.test(text[i]) ? 1 : 2;
      return k === 1 ? 1 : 0;
    }
    const point = text.codePointAt(i)!;
    return this.oneChar.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
  }
}

/** Code units of the code point at `i`: 2 for a surrogate pair, else 1. */
export function codePointWidth(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}
