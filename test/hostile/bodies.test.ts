import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, type ChildRun } from './child.js';
import { CUT_OFF_MS, expectCase, nameOf, runCases, type ZooCase } from './cases.js';
import { BEHAVIOURS, startZoo, type Zoo } from './zoo.js';

// Bodies that are too big, endless, compressed, lying about their length, or JSON that is not quite JSON:
// each gets a verdict that says what is wrong, without the body ever being held whole.
let zoo: Zoo;
let outs: Map<string, ChildRun>;

const cases: ZooCase[] = [
  {
    behaviour: 'gigabyte',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /HTTP 200, then too-large: the reply body is larger than the 1048576-byte cap \(it declared 1073741824 bytes\)/,
    kind: 'too-large',
    budgetMs: 0,
  },
  {
    name: 'gigabyte with --max-body-bytes 4096',
    behaviour: 'gigabyte',
    args: ['--max-body-bytes', '4096'],
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /larger than the 4096-byte cap .*\(--max-body-bytes\)/,
    kind: 'too-large',
    budgetMs: 0,
  },
  {
    behaviour: 'endless-chunked',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /then too-large: the reply body is larger than the 1048576-byte cap \(it is chunked and went past it\)/,
    kind: 'too-large',
    budgetMs: 0,
  },
  {
    // Every check of the suite, every reply 900 KB: records keep the start of each body, memory stays bounded.
    // Sixteen checks side by side read sixteen such replies at once: a budget that is not the subject here.
    name: 'the whole suite against 900 KB replies',
    behaviour: 'big-ok',
    checks: null,
    args: ['--budget', '3000'],
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'pass' },
    says: /^pass/,
    budgetMs: 8000,
  },
  {
    behaviour: 'huge-string',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /too-large: .*\(it declared 104857628 bytes\)/,
    kind: 'too-large',
    budgetMs: 0,
  },
  {
    behaviour: 'endless-headers',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /no reply \(too-large: the reply headers are larger than the 16 KiB hookcert reads\)/,
    kind: 'too-large',
    budgetMs: 0,
  },
  {
    // Never inflated: hookcert asked for no content coding, so a compressed reply is judged as it came.
    behaviour: 'gzip-bomb',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SHP-001', status: 'fail' },
    says: /the body is not JSON \(the body is gzip-encoded \(Content-Encoding: gzip\), but the request asked for no content coding: send it uncompressed\)/,
    budgetMs: 0,
  },
  {
    behaviour: 'length-more',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SIG-001', status: 'fail' },
    says: /HTTP 200, then timeout: no complete reply within 500 ms: .* then only 2 bytes of the body/,
    kind: 'timeout',
    budgetMs: 5 * CUT_OFF_MS,
  },
  {
    behaviour: 'length-less',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SHP-001', status: 'fail' },
    says: /the body is not JSON \(.*\)[\s\S]*HTTP 200 "\{\\"mes"/,
    budgetMs: 0,
  },
  {
    behaviour: 'invalid-utf8',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SHP-001', status: 'fail' },
    says: /the body is not JSON \(the body is not valid UTF-8: byte 0xC3 at offset 27/,
    budgetMs: 0,
  },
  {
    behaviour: 'bom',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SHP-001', status: 'fail' },
    says: /byte order mark \(EF BB BF\); RFC 8259 §8\.1: JSON senders MUST NOT add one/,
    budgetMs: 0,
  },
  {
    behaviour: 'deep-nesting',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SHP-001', status: 'fail' },
    says: /the JSON nests more than 512 levels deep/,
    budgetMs: 0,
  },
  {
    // Duplicate names are JSON (RFC 8259: SHOULD be unique): the reply is read, the last one wins, and it warns.
    behaviour: 'duplicate-keys',
    code: 0,
    verdict: 'conformant',
    check: { id: 'MP-SHP-001', status: 'warn' },
    says: /^warn\nstartSession: the reply repeats/,
    budgetMs: 0,
  },
  {
    behaviour: 'nan',
    code: 1,
    verdict: 'not-conformant',
    check: { id: 'MP-SHP-001', status: 'fail' },
    says: /the body is not JSON \(Unexpected token 'N'.*\(NaN and Infinity are not JSON numbers\)\)/,
    budgetMs: 0,
  },
];

beforeAll(async () => {
  ensureBuilt();
  zoo = await startZoo(BEHAVIOURS);
  outs = await runCases(zoo, cases);
}, 300_000);
afterAll(() => zoo.close());

describe('hostile bodies', () => {
  it.each(cases.map((c) => [nameOf(c), c] as const))('%s', (name, c) => {
    expectCase(c, outs.get(name)!);
  });

  it('keeps the first 2 KiB of each body over 16 KiB in the records of a run, and says so', () => {
    const results = outs.get('the whole suite against 900 KB replies')!.results!;
    const records = results.checks.flatMap((c) => c.exchanges).filter((e) => e.response);
    expect(records.length).toBeGreaterThan(50);
    for (const e of records) expect(e.response).toMatchObject({ bytes: 921614, recordedBytes: 2048, truncated: false });
    expect(records.every((e) => e.response!.body.length === 2048)).toBe(true);
  });

  it('keeps a cut body in the report as far as it was read, and says how much came', () => {
    const results = outs.get('gigabyte with --max-body-bytes 4096')!.results!;
    const exchange = results.checks.find((c) => c.id === 'MP-SIG-001')!.failure!.exchanges[0];
    // It declared more than the cap: only what a record keeps of a long body is read (2 KiB), and kept whole.
    expect(exchange.response).toMatchObject({ status: 200, bytes: 2048, truncated: true });
    expect(exchange.response?.body).toHaveLength(2048);
    expect(exchange.error?.kind).toBe('too-large');
    expect(exchange.error?.message).toMatch(/hookcert read the first 2048 bytes/);
  });
});
