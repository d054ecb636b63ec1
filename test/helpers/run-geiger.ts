import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The geiger executable of this checkout (it runs the compiled dist/). */
export const GEIGER_BIN = join(import.meta.dirname, '..', '..', 'bin', 'geiger.js');

export interface GeigerRun { code: number; stdout: string; stderr: string }

/** Runs `geiger ARGS` as a real process (SQLite unless `env` names a database URL), feeding `input` on stdin. */
export async function runGeiger(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<GeigerRun> {
  try {
    const child = run('node', [GEIGER_BIN, ...args], {
      env: { ...process.env, GEIGER_DATABASE_URL: '', ...options.env }, maxBuffer: 64 * 1024 * 1024,
    });
    if (options.input !== undefined) child.child.stdin?.end(options.input);
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
