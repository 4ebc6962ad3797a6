import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from './handler.js';

/** A receiver served on loopback. */
export interface ServedReceiver {
  /** The base URL, e.g. `http://127.0.0.1:39123/webhooks`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Options of {@link serveHandlers}. */
export interface ServeOptions {
  /** 0 picks a free port. @defaultValue 0 */
  port?: number;
  /** The path the receiver is mounted at. @defaultValue '/webhooks' */
  basePath?: string;
}

/**
 * Serves msw request handlers (`handler.ts`) over real HTTP on 127.0.0.1 through msw's `getResponse` (the
 * node:http adapter @mswjs/http-middleware is, without Express), so the same handlers
 * serve unit tests, end-to-end tests and `hookcert demo`. A request no handler answers gets a 404.
 */
export async function serveHandlers(handlers: RequestHandler[], opts: ServeOptions = {}): Promise<ServedReceiver> {
  const server: Server = createServer((req, res) => {
    handle(handlers, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`receiver crashed: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${opts.basePath ?? '/webhooks'}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
  }
  const body = Buffer.concat(chunks);
  const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
  });
  const response = await getResponse(handlers, request);
  if (!response) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no handler for ${req.method} ${req.url}` } }));
    return;
  }
  const out = Buffer.from(await response.arrayBuffer());
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => (outHeaders[key] = value));
  res.writeHead(response.status, outHeaders);
  res.end(out);
}
