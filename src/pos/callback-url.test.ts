import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { callbackServer, onLoopback } from './callback-url.js';
import type { MplusContext } from './context.js';

/** The few parts of a check context the callback URL depends on. */
const context = (url: string, seed: number, callbackUrl?: string) => {
  const warnings: string[] = [];
  const notes: string[] = [];
  const t = { sub: { url }, seed, options: { callbackUrl }, warn: (w: string) => warnings.push(w), note: (n: string) => notes.push(n) } as unknown as MplusContext;
  return { t, warnings, notes };
};

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('the callbackUrl hookcert gives', () => {
  it('is on loopback, on a port derived from the seed, only when the endpoint is on loopback', async () => {
    const { t } = context('http://127.0.0.1:8080/webhooks', 4242);
    const a = await callbackServer(t);
    if (typeof a === 'string') throw new Error(a);
    const first = a.url('x');
    await a.close();
    const b = await callbackServer(t);
    if (typeof b === 'string') throw new Error(b);
    // The same seed gives the same bytes: the port is the seed's, not whichever was free.
    expect(b.url('x')).toBe(first);
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hookcert\/callback\/x$/);
    await b.close();
  });

  it('falls back to a free port when the seed\'s is busy, and says so in a note, never a warning (a fact of this machine)', async () => {
    const { t, warnings, notes } = context('http://localhost:8080/webhooks', 99);
    const taken = await callbackServer(t);
    if (typeof taken === 'string') throw new Error(taken);
    const again = await callbackServer(t);
    if (typeof again === 'string') throw new Error(again);
    expect(again.port).not.toBe(taken.port);
    expect(warnings).toEqual([]);
    expect(notes.join()).toMatch(new RegExp(`derived from the seed \\(${taken.port}\\) could not be had \\(EADDRINUSE.*port ${again.port} was used instead`));
    await Promise.all([taken.close(), again.close()]);
  });

  it('is none for a remote endpoint without --callback-url: asking it to call its own loopback would look like SSRF', async () => {
    const { t } = context('https://pos-hooks.example.com/webhooks', 1);
    expect(await callbackServer(t)).toMatch(/^not exercised: .*set --callback-url/);
  });

  it('is the user\'s --callback-url, served on its port', async () => {
    const port = await freePort();
    const { t } = context('https://pos-hooks.example.com/webhooks', 1, `http://127.0.0.1:${port}/pos/`);
    const server = await callbackServer(t);
    if (typeof server === 'string') throw new Error(server);
    expect(server.url('abc')).toBe(`http://127.0.0.1:${port}/pos/hookcert/callback/abc`);
    await fetch(server.url('abc'), { method: 'POST', body: '{}' });
    expect(await server.waitFor('abc', 1000)).toBe(true);
    await server.close();
  });

  it('knows loopback hosts', () => {
    expect(['http://127.0.0.1/x', 'http://localhost:1/', 'http://[::1]:2/', 'http://127.8.0.1/'].map(onLoopback)).toEqual([true, true, true, true]);
    expect(['https://example.com/', 'http://10.0.0.1/', 'not a url'].map(onLoopback)).toEqual([false, false, false]);
  });
});
