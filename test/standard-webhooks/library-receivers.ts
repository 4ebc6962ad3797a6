import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';

/**
 * Receivers an integrator would write with the official libraries, with their defaults: read the raw body,
 * `verify(body, headers)`, answer 400 when it throws (the libraries' README), 204 when it passes. Nothing else:
 * no de-duplication, no store (a replay inside the tolerance is answered idempotently, 204 again).
 */
export type LibraryName = 'standardwebhooks' | 'svix';

/** A receiver listening on loopback. */
export interface LibraryReceiver {
  url: string;
  close(): Promise<void>;
}

const flat = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(h).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]])));

/** Starts the receiver of `library` for `secret` (`whsec_…`) on 127.0.0.1, a free port. */
export async function serveLibraryReceiver(library: LibraryName, secret: string): Promise<LibraryReceiver> {
  const wh = library === 'svix' ? new SvixWebhook(secret) : new StandardWebhook(secret);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        wh.verify(Buffer.concat(chunks).toString('utf8'), flat(req.headers));
      } catch (err) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (err as Error).message }));
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
