import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUT_BODY_RECORD_BYTES, HttpClient } from './client.js';

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
      } else if (req.url === '/held') {
        setTimeout(() => res.writeHead(200).end('{}'), 200);
      } else if (req.url === '/big') {
        res.writeHead(200);
        res.end(Buffer.alloc(5000, 'a'));
      } else if (req.url === '/huge') {
        res.writeHead(200);
        res.end(Buffer.alloc(40_000, 'b'));
      } else if (req.url === '/hang') {
        // never answers
      } else if (req.url === '/reset') {
        req.socket.destroy();
      } else if (req.url === '/headers-only') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"a"');
      } else if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"a"');
        setTimeout(() => req.socket.destroy(), 20);
      } else if (req.url === '/declared-big') {
        res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
        res.write(Buffer.alloc(5000, 'a'));
      } else if (req.url === '/not-http') {
        req.socket.end('SSH-2.0-OpenSSH_9.6\r\n');
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

  it("times the endpoint from the request's first byte on the wire, not from hookcert's wait for a socket", async () => {
    // One connection: the second request waits for the first (held 200 ms) before it is written.
    const client = new HttpClient({ connections: 1 });
    const [first, second] = await Promise.all([send(client, '/held'), send(client, '/echo')]);
    expect(first.timing.totalMs).toBeGreaterThanOrEqual(199);
    expect(second.timing.connectMs).toBeGreaterThanOrEqual(199);
    expect(second.timing.totalMs).toBeLessThan(second.timing.connectMs!);
    await client.close();
  });

  it('keeps the request body and start time in the record wherever it goes (JSON, copies, structuredClone)', async () => {
    const client = new HttpClient();
    const before = Date.now();
    const ex = await send(client, '/echo');
    const after = Date.now();
    const startedAt = Date.parse(ex.timing.startedAt);
    expect(startedAt).toBeGreaterThanOrEqual(before);
    expect(startedAt).toBeLessThanOrEqual(after);
    expect(ex.timing.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const written = JSON.parse(JSON.stringify(ex));
    expect(written.request).toEqual({ method: 'POST', url: `${base}/echo`, headers: { 'x-test': 'yes', 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(written.timing.startedAt).toBe(ex.timing.startedAt);
    expect({ ...ex.request }.body).toBe('{"a":1}');
    expect(structuredClone(ex.request).body).toBe('{"a":1}');
    expect(structuredClone(ex.timing).startedAt).toBe(ex.timing.startedAt);
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

  it('keeps a body up to 16 KiB whole in the record, and of a longer one its first 2 KiB, judged on all its bytes', async () => {
    const client = new HttpClient();
    const small = await send(client, '/big');
    expect(small.response).toMatchObject({ bytes: 5000, truncated: false });
    expect(small.response?.body).toBe('a'.repeat(5000));
    expect(small.response).not.toHaveProperty('recordedBytes');
    const huge = await send(client, '/huge');
    expect(huge.error).toBeUndefined();
    expect(huge.response).toMatchObject({ bytes: 40_000, truncated: false, recordedBytes: CUT_BODY_RECORD_BYTES });
    expect(huge.response?.body).toBe('b'.repeat(CUT_BODY_RECORD_BYTES));
    expect(huge.rawBody?.length).toBe(40_000);
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

  it('says how far a reply had come when the deadline cut it off', async () => {
    const client = new HttpClient();
    const ex = await send(client, '/headers-only', 300);
    expect(ex.error?.kind).toBe('timeout');
    expect(ex.error?.message).toMatch(/^no complete reply within 300 ms: HTTP 200 and its headers came after \d+ ms, then only 4 bytes of the body$/);
    expect(ex.response).toMatchObject({ status: 200, body: '{"a"', bytes: 4 });
    await client.close();
  });

  it('says how many of the declared bytes came before the connection closed', async () => {
    const client = new HttpClient();
    const ex = await send(client, '/cut');
    expect(ex.error?.kind).toBe('reset');
    expect(ex.error?.message).toMatch(/^the connection was (closed|reset) before the reply was complete: 4 of the 100 bytes its Content-Length declared had come \(after \d+ ms\)$/);
    await client.close();
  });

  it('cuts a body that declares more than the cap, and says what it declared', async () => {
    const client = new HttpClient({ maxBodyBytes: 1024 });
    const ex = await send(client, '/declared-big');
    expect(ex.error?.message).toBe(
      'the reply body is larger than the 1024-byte cap (it declared 10485760 bytes); hookcert read the first 1024 bytes and closed the connection (--max-body-bytes)',
    );
    await client.close();
  });

  it('reports a reply that is not HTTP as a protocol failure', async () => {
    const client = new HttpClient();
    const ex = await send(client, '/not-http');
    expect(ex.error?.kind).toBe('protocol');
    expect(ex.error?.message).toMatch(/^not a valid HTTP reply \(/);
    await client.close();
  });

  it('logs every exchange for --debug and tells the run about it', async () => {
    const lines: string[] = [];
    const seen: number[] = [];
    const client = new HttpClient({ log: (l) => lines.push(l), onExchange: (ex) => seen.push(ex.seq) });
    await send(client, '/echo');
    expect(seen).toEqual([1]);
    const text = lines.join('');
    expect(text).toMatch(/^hookcert debug #1 > \d\d:\d\d:\d\d\.\d{3} POST http:\/\/127\.0\.0\.1:\d+\/echo \(\/echo, cut off after 2000 ms\)\n/);
    expect(text).toContain('hookcert debug #1 >   x-test: yes\n');
    expect(text).toContain('hookcert debug #1 >   body 7 bytes: "{\\"a\\":1}"\n');
    expect(text).toMatch(/hookcert debug #1 < HTTP 200 in \d+ ms, headers after \d+ ms\n/);
    expect(text).toContain('hookcert debug #1 <   x-seen: yes\n');
    await client.close();
  });

  it('refuses every request after abort(), at once', async () => {
    const client = new HttpClient();
    client.abort();
    const ex = await send(client, '/hang', 5000);
    expect(ex.error).toEqual({ kind: 'aborted', message: 'the run was stopped' });
    await client.close();
  });

  it('lets more than ten requests wait for a slot without a MaxListenersExceededWarning', async () => {
    // Each waiting request watches the client's own abort signal until it gets its slot (MP checks side by side
    // with cases on lanes have dozens waiting at --concurrency 16): not a leak, and no user should see Node's warning.
    const warnings: Error[] = [];
    const onWarning = (w: Error) => void warnings.push(w);
    process.on('warning', onWarning);
    try {
      const client = new HttpClient({ maxInFlight: 1 });
      const all = await Promise.all(Array.from({ length: 20 }, () => send(client, '/echo')));
      expect(all.map((ex) => ex.response?.status)).toEqual(Array(20).fill(200));
      await new Promise((r) => setImmediate(r));
      expect(warnings.map((w) => w.name)).toEqual([]);
      await client.close();
    } finally {
      process.off('warning', onWarning);
    }
  });
});
