/** One line of a byte stream, without its line ending, with its 1-based number. */
export interface Line {
  number: number;
  bytes: Buffer;
}

/** Splits a byte stream into lines without holding more than the current line in memory. */
export async function* splitLines(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<Line> {
  let pending: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let buffer = pending.length ? Buffer.concat([pending, bytes]) : bytes;
    let newline = buffer.indexOf(10);
    while (newline !== -1) {
      number++;
      yield { number, bytes: stripCr(buffer.subarray(0, newline)) };
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(10);
    }
    pending = Buffer.from(buffer);
  }
  if (pending.length) yield { number: number + 1, bytes: stripCr(pending) };
}

function stripCr(line: Buffer): Buffer {
  return line.length && line[line.length - 1] === 13 ? line.subarray(0, -1) : line;
}
