import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogues, profile } from '../src/profiles.js';
import { resolveRun } from '../src/config/load.js';
import type { MplusContext } from '../src/pos/context.js';
import { check } from '../src/runner/check.js';
import { run } from '../src/runner/run.js';

// A timed-out check stops: its AbortSignal reaches it and every request it makes, and nothing of it is sent
// after it ended, not even by work it left running.
const secret = randomBytes(32).toString('base64');
let server: Server;
let url: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.url ?? '');
      res.writeHead(200, { 'content-length': '0' });
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const endless = check<MplusContext>({
  id: 'MP-TST-001',
  title: 'MUST never stop asking',
  level: 'MUST',
  area: 'timing',
  profile: 'mplus',
  spec: { doc: 'test', quote: 'a check that would send forever' },
  async run(t) {
    // Work the check leaves running on its own, beside its own loop.
    void (async () => {
      for (;;) await t.send('scanCode');
    })().catch(() => undefined);
    while (!t.signal.aborted) await t.send('startSession');
    // Past its end the signal says so, and a send is refused rather than sent.
    await t.send('startSession');
  },
});

it('ends a check at its time limit: the check is an error, its signal aborted, and nothing more of it is sent', async () => {
  const { sub, options } = resolveRun({ url, secret, seed: '1', events: 'startSession,scanCode', concurrency: '1', noDefaultConfig: true }, catalogues, {});
  const results = await run({ driver: profile('mplus').driver, sub, options: { ...options, checkTimeoutMs: 300 }, replayBase: ['run'], checks: [endless] });
  const c = results.checks[0];
  expect(c.status).toBe('error');
  expect(c.reason).toMatch(/did not finish within 300 ms/);
  const atEnd = received.length;
  expect(atEnd).toBeGreaterThan(2);
  // Let anything the check left behind have its chance: a timer, a loop, a request waiting for its slot.
  await new Promise((r) => setTimeout(r, 400));
  expect(received.length).toBe(atEnd);
});
