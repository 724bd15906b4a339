import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { ServerContext } from './context.js';

/** Where the server listens: loopback unless a host is given. */
export interface ListenOptions {
  port: number;
  host?: string;
}

/** A running server: its address and a way to stop it. */
export interface RunningServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

/** Starts the HTTP server on the context; resolves once it listens. */
export function startServer(ctx: ServerContext, options: ListenOptions): Promise<RunningServer> {
  const { app } = createApp(ctx);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const onError = (error: Error) => reject(error);
    server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info) => {
      server?.off('error', onError);
      resolve({
        port: info.port,
        host,
        close: () =>
          new Promise<void>((done) => {
            if (
              'closeAllConnections' in server! &&
              typeof server.closeAllConnections === 'function'
            )
              server.closeAllConnections();
            server?.close(() => done());
          }),
      });
    });
    server.once('error', onError);
  });
}
