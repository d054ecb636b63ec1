import { GeigerError } from '../errors.js';

/** Runs a store operation, turning driver errors into STORE_ERROR (GeigerErrors pass through). */
export async function guard<T>(what: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GeigerError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new GeigerError('STORE_ERROR', `${what}: ${reason}`);
  }
}
