import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './client.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/echo') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-seen': req.headers['x-test'] ?? '' });
        res.end(Buffer.concat(chunks));
      } else if (req.url === '/big') {
        res.writeHead(200);
        res.end(Buffer.alloc(5000, 'a'));
      } else if (req.url === '/hang') {
        // never answers
      } else if (req.url === '/reset') {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const send = (client: HttpClient, path: string, timeoutMs = 2000) =>
  client.send({ url: base + path, headers: { 'x-test': 'yes', 'content-type': 'application/json' }, body: Buffer.from('{"a":1}'), label: path, timeoutMs });

describe('HttpClient', () => {
  it('records the request, the reply and its timings', async () => {
    const client = new HttpClient();
    const ex = await send(client, '/echo');
    expect(ex.error).toBeUndefined();
    expect(ex.response?.status).toBe(200);
    expect(ex.response?.body).toBe('{"a":1}');
    expect(ex.response?.headers['x-seen']).toBe('yes');
    expect(ex.request.body).toBe('{"a":1}');
    expect(ex.timing.headersMs).toBeGreaterThan(0);
    expect(ex.timing.totalMs).toBeGreaterThanOrEqual(ex.timing.headersMs!);
    await client.close();
  });

  it('cuts a reply at the size cap and says so', async () => {
    const client = new HttpClient({ maxBodyBytes: 1000 });
    const ex = await send(client, '/big');
    expect(ex.error?.kind).toBe('too-large');
    expect(ex.response?.bytes).toBe(1000);
    expect(ex.response?.truncated).toBe(true);
    await client.close();
  });

  it('turns a hang into a timeout verdict', async () => {
    const client = new HttpClient();
    const ex = await send(client, '/hang', 200);
    expect(ex.error?.kind).toBe('timeout');
    expect(ex.timing.totalMs).toBeLessThan(1500);
    await client.close();
  });

  it('reports a reset and a refused connection as what they are', async () => {
    const client = new HttpClient();
    expect((await send(client, '/reset')).error?.kind).toBe('reset');
    const refused = await client.send({ url: 'http://127.0.0.1:1/x', headers: {}, body: Buffer.from(''), label: 'x', timeoutMs: 1000 });
    expect(refused.error?.kind).toBe('refused');
    await client.close();
  });
});
