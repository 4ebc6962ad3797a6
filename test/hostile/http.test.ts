import { afterAll, beforeAll, describe, it } from 'vitest';
import { ensureBuilt, type ChildRun } from './child.js';
import { expectCase, nameOf, runCases, type ZooCase } from './cases.js';
import { BEHAVIOURS, startZoo, type Zoo } from './zoo.js';

// HTTP games (redirects, interim replies, HTTP/1.0) and the run's own limits.
let zoo: Zoo;
let outs: Map<string, ChildRun>;

/**
 * A redirect is a reply to judge, never followed: the POS posts to the URL it was given. With `--keep-going`
 * each check judges it; without, every request redirected is the run's root cause, said first (exit 3).
 */
const redirect = (status: number, behaviour = `redirect-${status}`): ZooCase => ({
  behaviour,
  code: 1,
  verdict: 'not-conformant',
  check: { id: 'MP-SIG-001', status: 'fail' },
  says: new RegExp(`a valid, correctly signed startSession was refused[\\s\\S]*HTTP ${status} with an empty body`),
  budgetMs: 0,
  args: ['--keep-going'],
});

const cases: ZooCase[] = [
  {
    name: 'redirect-301 without --keep-going: the root cause',
    behaviour: 'redirect-301',
    code: 3,
    verdict: 'incomplete',
    says: /^stopped before the checks: every request was redirected \(HTTP 301 to \S+\): give the final URL as --url/,
    budgetMs: 0,
  },
  redirect(301),
  redirect(302),
  redirect(307),
  redirect(308),
  redirect(302, 'redirect-loop'),
  {
    // undici, the HTTP client, refuses an interim 100 reply it did not ask for (RFC 9110 §15.2 lets clients
    // parse them): the verdict says so plainly, it is not a hang nor a crash.
    behaviour: 'continue-then-ok',
    code: 3,
    verdict: 'incomplete',
    says: /cannot reach .*: an interim "100 Continue" reply that was not asked for \(hookcert sends no Expect: 100-continue, and its HTTP client cannot read one\)/,
    budgetMs: 0,
  },
  {
    behaviour: 'continue-forever',
    code: 3,
    verdict: 'incomplete',
    says: /cannot reach .*: an interim "100 Continue" reply that was not asked for/,
    budgetMs: 0,
  },
  {
    behaviour: 'http-1.0',
    code: 0,
    verdict: 'conformant',
    check: { id: 'MP-SHP-001', status: 'pass' },
    says: /^pass/,
    budgetMs: 0,
  },
  {
    // The whole run's time limit: an endpoint that is merely slow cannot keep a CI job waiting.
    name: 'a slow endpoint and --max-run-time 1500ms',
    behaviour: 'slow',
    args: ['--runs', '60', '--max-run-time', '1500ms'],
    code: 3,
    verdict: 'incomplete',
    says: /^the run reached its time limit of 1500 ms \(--max-run-time\)$/,
    budgetMs: 1500,
  },
];

beforeAll(async () => {
  ensureBuilt();
  zoo = await startZoo(BEHAVIOURS);
  outs = await runCases(zoo, cases);
}, 300_000);
afterAll(() => zoo.close());

describe('HTTP games and limits', () => {
  it.each(cases.map((c) => [nameOf(c), c] as const))('%s', (name, c) => {
    expectCase(c, outs.get(name)!);
  });
});
