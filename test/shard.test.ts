import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http } from '../src/reference/handler.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mplusReference } from '../src/reference/mplus/mutant.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { KEPT_PER_CHECK } from '../src/runner/recorder.js';
import type { RunResults } from '../src/runner/results.js';
import { registry } from '../src/schema/registry.js';
import { cli, type CliOutcome } from './helpers.js';

// One run split in 4 shards (--shard K/4) and merged equals the same run in one piece: the same checks with the
// same verdicts, and every check sent the same request bodies (the reference receiver records what it is sent).
const secret = randomBytes(32).toString('base64');
const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: ['acme-42'] };
const SEED = '8675309';
let receiver: ServedReceiver;
let bodies: string[] = [];

/** A fresh reference receiver (it remembers payments and replies: each run gets its own), recording every body. */
async function freshReceiver(): Promise<void> {
  await receiver?.close();
  const record = http.post('*', async ({ request }) => {
    bodies.push(await request.clone().text());
    return undefined;
  });
  receiver = await serveHandlers([record, ...mplusReference(setup)]);
}
beforeAll(freshReceiver);
afterAll(() => receiver.close());

/** A body with the ports of hookcert's own callback servers (one per run) taken out. */
const portless = (body: string) => body.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');

/** Runs hookcert with `extra`; returns the outcome and the bodies the receiver got, the probe (the first) left out. */
async function runWith(extra: string[]): Promise<{ out: CliOutcome; sent: string[] }> {
  await freshReceiver();
  bodies = [];
  const out = await cli(['run', '--url', receiver.url, '--subscription-id', 'acme-42', '--seed', SEED, '--runs', '3', '--concurrency', '4', ...extra], { HOOKCERT_SECRET: secret });
  return { out, sent: bodies.slice(1).map(portless) };
}

/**
 * Per check: status, number of exchanges, and the request bodies of the exchanges it kept: all of them when it
 * made few (sorted: a check may send from several workplaces at once); a bounded sample otherwise (compared on
 * the wire instead, see {@link byWorkplace}).
 */
function perCheck(results: RunResults): Record<string, { status: string; count: number; bodies?: string[] }> {
  return Object.fromEntries(
    [...results.checks]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => [c.id, { status: c.status, count: c.exchangeCount, ...(c.exchangeCount <= KEPT_PER_CHECK ? { bodies: c.exchanges.map((e) => portless(e.request.body)).sort() } : {}) }]),
  );
}

/**
 * The bodies sent, grouped by the workplace that sent them (`sender.instanceId`: every check's workplaces derive
 * from its own seed, so a group is one check's), each group sorted; bodies that are not JSON form one group.
 */
function byWorkplace(sent: string[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const body of sent) {
    let key = '(not JSON)';
    try {
      key = String((JSON.parse(body) as { sender?: { instanceId?: string } }).sender?.instanceId ?? '(no sender)');
    } catch {
      // raw bytes (malformed JSON on purpose)
    }
    (groups[key] ??= []).push(body);
  }
  for (const list of Object.values(groups)) list.sort();
  return groups;
}

describe('--shard K/N and hookcert merge', () => {
  let single: { out: CliOutcome; sent: string[] };
  const shards: Array<{ out: CliOutcome; sent: string[] }> = [];

  beforeAll(async () => {
    single = await runWith([]);
    for (let k = 1; k <= 4; k++) shards.push(await runWith(['--shard', `${k}/4`]));
  }, 240_000);

  it('splits the checks into 4 disjoint, balanced parts that together are the whole suite', () => {
    expect(single.out.code, single.out.stdout).toBe(0);
    const ids = shards.map((s) => s.out.results!.checks.map((c) => c.id));
    const all = single.out.results!.checks.map((c) => c.id).sort();
    expect(ids.flat().sort()).toEqual(all);
    expect(new Set(ids.flat()).size).toBe(all.length);
    for (const part of ids) expect(Math.abs(part.length - all.length / 4)).toBeLessThanOrEqual(1);
    for (const [i, s] of shards.entries()) expect(s.out.results!.shard).toEqual({ index: i + 1, count: 4 });
  });

  it('merges the 4 shards into the single run: same checks, verdicts, exchanges and request bodies', async () => {
    const files = shards.map((s) => join(s.out.reportDir, 'results.json'));
    const dir = join(single.out.reportDir, 'merged');
    const merged = await cli(['merge', ...files, '--report-dir', dir]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResults;
    expect(registry().validate('report/results.schema.json', results)).toEqual([]);
    const one = single.out.results!;
    expect(results.verdict).toBe(one.verdict);
    expect(results.summary).toEqual(one.summary);
    expect(perCheck(results)).toEqual(perCheck(one));
    // Every shard sends its own probe and runs the exploration phase first (the same bytes in each, so a check
    // starts from the same findings in any shard); everything else on the wire is the same, request for request.
    const before = 1 + one.coverage!.exploration!.requests;
    expect(results.stats.requests).toBe(one.stats.requests + 3 * before);
    const sharded = byWorkplace(shards.flatMap((s) => s.sent));
    const whole = byWorkplace(single.sent);
    expect(Object.keys(sharded).sort()).toEqual(Object.keys(whole).sort());
    for (const [key, bodies] of Object.entries(whole)) {
      const everyShard = Array.from({ length: 4 }, () => bodies).flat().sort();
      expect(sharded[key], key).toEqual(sharded[key].length === bodies.length ? bodies : everyShard);
    }
    expect(single.sent.length).toBeGreaterThan(500);
    expect(Object.keys(results.stats.latencyMs)).toEqual(Object.keys(one.stats.latencyMs));
    const replies = (r: RunResults) => Object.values(r.stats.latencyMs).reduce((n, l) => n + l.count, 0);
    expect(replies(results)).toBe(replies(one) + 3 * before);
    for (const l of Object.values(results.stats.latencyMs)) expect(l.p50).toBeLessThanOrEqual(l.max);
  });

  it('says a merge with a shard missing is incomplete (exit 3), and refuses a shard given twice (exit 2)', async () => {
    const files = shards.map((s) => join(s.out.reportDir, 'results.json'));
    const missing = await cli(['merge', ...files.slice(0, 3), '--report-dir', join(single.out.reportDir, 'm3')]);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toMatch(/1 of 4 shards are missing/);
    // The run's closing line, word for word; the gate's reason says why (not twice on the line).
    expect(missing.stdout).toMatch(/^verdict: incomplete · gate: failed \(the run is incomplete: 1 of 4 shards are missing from the merge\) \(seed \d+\)$/m);
    const twice = await cli(['merge', files[0], files[0], '--report-dir', join(single.out.reportDir, 'm2')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^hookcert: merge: MP-\w+-\d+ is in files 1 and 2: give each shard once\n$/);
  });

  it('refuses a malformed --shard with one line, exit 2', async () => {
    const out = await cli(['run', '--url', receiver.url, '--shard', '5/4'], { HOOKCERT_SECRET: secret });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^hookcert: --shard 5\/4: give K\/N with 1 ≤ K ≤ N ≤ 1000, e\.g\. --shard 2\/4\n$/);
  });
});
