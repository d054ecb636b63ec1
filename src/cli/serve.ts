import { loadCodebook } from '../codebook/load.js';
import { GeigerError } from '../errors.js';
import { createApp } from '../http/app.js';
import { startServer, type RunningServer } from '../http/server.js';
import { storeOptionsFor } from '../ingest/store-options.js';
import { createPipeline } from '../pipeline/create.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { openStore, type Store } from '../store/store.js';
import { parseCommandArgs } from './args.js';
import { writeLine } from './output.js';

export const usage = `usage: geiger serve [--db FILE|URL] [--host 127.0.0.1] [--port 7420]
Serves the JSON API (/api), its OpenAPI document (/openapi.json), Atom feeds of watch rules (/alerts/ID.atom)
and the dashboard. Reads are open; writes need GEIGER_TOKEN set and "Authorization: Bearer <token>".
--port 0 picks a free port; the URL is printed on the first line.`;

export const DEFAULT_PORT = 7420;

/** Parses --host and --port (0–65535). */
export function listenOptions(values: { host?: string; port?: string }): { host: string; port: number } {
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GeigerError('USAGE', `--port must be a number from 0 to 65535, got "${values.port}"`);
  }
  return { host: values.host ?? '127.0.0.1', port };
}

/** Serves the app over the store until SIGINT or SIGTERM, then closes server and store; resolves with exit code 0. */
export async function serveUntilStopped(
  store: Store, listen: { host: string; port: number }, announce: (server: RunningServer) => Promise<void>, pipeline?: Pipeline,
): Promise<number> {
  pipeline ??= createPipeline({ codebook: loadCodebook() });
  const codebook = pipeline.codebook;
  const app = createApp({ store, pipeline, codebook, token: process.env.GEIGER_TOKEN || undefined });
  const server = await startServer(app, listen);
  // Listen for the signals before announcing: a caller may stop the server as soon as it reads the URL.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await announce(server);
  await stopped;
  await server.close();
  await store.close();
  return 0;
}

/** `geiger serve`: the API and dashboard on one port. */
export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { await writeLine(usage); return 0; }
  const listen = listenOptions(values);
  const store = await openStore(storeOptionsFor(values.db));
  try {
    return await serveUntilStopped(store, listen, async (server) => {
      await writeLine(`Geiger is serving ${server.url}/`);
      await writeLine(`API ${server.url}/api/stats · OpenAPI ${server.url}/openapi.json · writes ${process.env.GEIGER_TOKEN ? 'enabled (bearer token)' : 'disabled (set GEIGER_TOKEN)'}`);
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
