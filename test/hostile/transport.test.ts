import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, type ChildRun } from './child.js';
import { CUT_OFF_MS, expectCase, nameOf, runCase, runCases, type ZooCase } from './cases.js';
import { BEHAVIOURS, startZoo, type Zoo } from './zoo.js';

// Endpoints that hang, trickle, close or reset, over real loopback sockets: each gets a verdict that says
// what happened, within its time budget, in bounded memory.
let zoo: Zoo;
let outs: Map<string, ChildRun>;

const cases: ZooCase[] = [
  {
    // Nothing ever comes back: after three silent requests and a silent repeat of the first, the run ends.
    behaviour: 'never-answers',
    code: 3,
    verdict: 'incomplete',
    says: /answered none of the \d+ requests sent, nor a repeat of the first one \(timeout: no reply within 500 ms \(not even the status line\)\); last request #\d+: POST http:\/\/127\.0\.0\.1:\d+\/never-answers\/startSession/,
    budgetMs: 4 * CUT_OFF_MS,
  },
  {
    behaviour: 'headers-no-body',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /HTTP 200, then timeout: no complete reply within 500 ms: HTTP 200 and its headers came after \d+ ms, then only 0 bytes of the body/,
    kind: 'timeout',
    budgetMs: 5 * CUT_OFF_MS,
  },
  {
    behaviour: 'slowloris',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /HTTP 200, then timeout: no complete reply within 500 ms: .*then only 1 byte of the body/,
    kind: 'timeout',
    budgetMs: 5 * CUT_OFF_MS,
  },
  {
    behaviour: 'close-mid-headers',
    code: 3,
    verdict: 'incomplete',
    says: /answered none of the \d+ requests .*reset: the connection was closed before the reply was complete/,
    budgetMs: 0,
  },
  {
    behaviour: 'reset-mid-headers',
    code: 3,
    verdict: 'incomplete',
    says: /answered none of the \d+ requests .*reset: the connection was (reset|closed) before the reply was complete/,
    budgetMs: 0,
  },
  {
    behaviour: 'close-mid-body',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /HTTP 200, then reset: the connection was closed before the reply was complete: 11 of the 100 bytes its Content-Length declared had come/,
    kind: 'reset',
    budgetMs: 0,
  },
  {
    behaviour: 'reset-mid-body',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /HTTP 200, then reset: the connection was (reset|closed) before the reply was complete: 11 of the 100 bytes/,
    kind: 'reset',
    budgetMs: 0,
  },
  {
    // No reply came whole: the shape checks had nothing to judge, and say so rather than pass.
    name: 'reset-mid-body: the shape checks were not exercised',
    behaviour: 'reset-mid-body',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SHP-001', status: 'skip' },
    says: /not exercised: none of the \d+ replies came whole/,
    budgetMs: 0,
  },
  {
    behaviour: 'not-http',
    code: 3,
    verdict: 'incomplete',
    says: /cannot reach http:\/\/127\.0\.0\.1:\d+\/not-http\/startSession: not a valid HTTP reply/,
    budgetMs: 0,
  },
  {
    // Answers correctly for a while, then accepts connections and says nothing: incomplete, with what it had.
    // (No exploration: its requests would take the four replies before any check runs; the next case has it.)
    behaviour: 'stops-answering-after-timing',
    checks: 'MP-SIG-001,MP-SHP-001,MP-TIM-001',
    args: ['--explore', '0'],
    code: 3,
    verdict: 'incomplete',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /stopped answering after 3 replies: the last \d+ requests and a repeat of the first one got no reply \(timeout/,
    kind: 'timeout',
    budgetMs: 4 * CUT_OFF_MS,
  },
];

beforeAll(async () => {
  ensureBuilt();
  zoo = await startZoo(BEHAVIOURS);
  outs = await runCases(zoo, cases);
}, 300_000);
afterAll(() => zoo.close());

describe('hostile transport', () => {
  it.each(cases.map((c) => [nameOf(c), c] as const))('%s', (name, c) => {
    expectCase(c, outs.get(name)!);
  });

  it('goes-away: an endpoint that stops listening mid-run ends the run incomplete with the checks judged before', async () => {
    const own = await startZoo(BEHAVIOURS);
    try {
      const c: ZooCase = {
        behaviour: 'goes-away',
        checks: 'MP-SIG-001,MP-SHP-001,MP-TIM-001',
        // Without exploration, whose requests would take the four replies before any check runs.
        args: ['--explore', '0'],
        code: 3,
        verdict: 'incomplete',
        // MP-TIM-001 (early, alone) is judged on the first replies; of the checks beside each other after it, the
        // one whose request found the endpoint gone fails (MP-SIG-001), the one that only saw it gone is not judged.
        check: { id: 'MP-SIG-001', status: 'fail' },
        says: /stopped answering after 3 replies: .*\(refused: connection refused/,
        kind: 'reset',
        budgetMs: 0,
      };
      const out = await runCase(own, c);
      expectCase(c, out);
      expect(out.results!.checks.map((x) => [x.id, x.status])).toEqual([
        ['MP-SIG-001', 'fail'],
        ['MP-TIM-001', 'pass'],
      ]);
      expect(out.results!.summary.total).toBe(3);
    } finally {
      await own.close();
    }
  });

  it('stops-answering after the timing baseline: the run ends incomplete while exploring, with only the check judged before the silence', async () => {
    const own = await startZoo(BEHAVIOURS);
    try {
      const c: ZooCase = {
        behaviour: 'stops-answering',
        checks: 'MP-SIG-001,MP-SHP-001,MP-TIM-001',
        code: 3,
        verdict: 'incomplete',
        // The endpoint answers the probe and MP-TIM-001's three tries (the timing baseline comes before
        // exploration), then falls silent: exploration's first batch (sixteen at once) goes unanswered.
        says: /stopped answering after 4 replies: the last 15 requests and a repeat of the first one got no reply \(timeout/,
        budgetMs: 4 * CUT_OFF_MS,
      };
      const out = await runCase(own, c);
      expectCase(c, out);
      // Only MP-TIM-001 got in, before the silence: it judged its own replies, which came in time. Exploration gives
      // up (it bounds itself), and the run's liveness rule ends the run before any other check is judged.
      expect(out.results!.checks.map((check) => `${check.id} ${check.status}`)).toEqual(['MP-TIM-001 pass']);
      expect(out.results!.coverage!.events).toEqual([expect.objectContaining({ event: 'startSession', replies: 4 })]);
    } finally {
      await own.close();
    }
  });

  it('a connection that is never accepted: cut at --connect-timeout, reported as such', async () => {
    // A listener whose accept queue (backlog 1) is full and whose process no longer accepts: the kernel
    // drops further SYNs, so a connection attempt hangs, as at a firewall that drops packets.
    const holder = spawn(process.execPath, ['-e', HOLDER], { stdio: ['ignore', 'pipe', 'ignore'] });
    const fillers: Socket[] = [];
    try {
      const port = await new Promise<number>((resolve) => holder.stdout!.once('data', (d) => resolve(Number(String(d)))));
      await new Promise((r) => setTimeout(r, 300));
      for (let i = 0; i < 2; i++) await new Promise((r) => fillers.push(connect(port, '127.0.0.1', () => r(undefined))));
      const c: ZooCase = {
        behaviour: 'ok',
        url: () => `http://127.0.0.1:${port}/ok`,
        // undici times connections out on a coarse clock (about a second): a reply budget above that.
        args: ['--connect-timeout', '1s', '--budget', '3s'],
        code: 3,
        verdict: 'incomplete',
        says: /^cannot reach http:\/\/127\.0\.0\.1:\d+\/ok\/startSession: the connection was not established in time \(--connect-timeout\)$/,
        budgetMs: 2000,
      };
      expectCase(c, await runCase(zoo, c));
    } finally {
      for (const f of fillers) f.destroy();
      holder.kill('SIGKILL');
    }
  });
});

/** Listens with a backlog of 1, prints its port, then stops accepting (its event loop blocks for 30 s). */
const HOLDER = `const s = require('node:net').createServer();
s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  console.log(s.address().port);
  setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000), 100);
});`;
