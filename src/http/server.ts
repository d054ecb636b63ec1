import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { GeigerError } from '../errors.js';

export interface RunningServer {
  /** "http://host:port" with the port actually bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port with the app; resolves once bound, rejects (USAGE) when the address cannot be used. */
export function startServer(app: Hono, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new GeigerError('USAGE', `cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`));
    });
  });
}
