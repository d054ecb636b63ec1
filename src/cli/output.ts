/** Writes a line to stdout, waiting when the pipe is full so large outputs stream with flat memory. */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Prints an error to stderr as "geiger: file:line: message", without a stack trace. */
export function printError(message: string): void {
  process.stderr.write(`geiger: ${message}\n`);
}
