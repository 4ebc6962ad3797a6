import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { dispatchPost } from './dispatch.js';

/** Round trips that bring undici's parser and hookcert's send path to speed. */
const ROUNDS = 4;

/**
 * Warms the HTTP path before the first request to the endpoint is timed: a few POSTs to a throwaway server on
 * 127.0.0.1, through the same {@link dispatchPost} on a throwaway Agent. A cold process spends milliseconds of
 * its own on the first replies (compiling undici's HTTP parser, optimising the send path); measured against
 * the endpoint, they would be charged to it. Best effort: any failure is ignored, the run goes on cold.
 */
export async function warmUpHttp(): Promise<void> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"warm":true}'));
  });
  const agent = new Agent({ connections: 1 });
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (let i = 0; i < ROUNDS; i++) {
      await dispatchPost(agent, {
        origin,
        path: '/',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"warm":true}'),
        timeoutMs: 1000,
        limit: 1024,
        declaredLimit: () => 1024,
      }).done;
    }
  } catch {
    // A machine without loopback: the run goes on cold.
  } finally {
    await agent.destroy().catch(() => undefined);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
