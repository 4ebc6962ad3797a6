import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mplusReference } from '../src/reference/mplus/mutant.js';
import { findMutant, loadMutants } from '../src/reference/mutants.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { cli } from './helpers.js';

// A run against a mutant, then `hookcert replay` of its results.json: against the same mutant (served again,
// on another port) every failure comes back; against the reference each one is fixed.
const secret = randomBytes(32).toString('base64');
const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: ['acme-42'] };
const env = { HOOKCERT_SECRET: secret };
const served: ServedReceiver[] = [];
const serve = async (handlers: Parameters<typeof serveHandlers>[0]) => {
  const s = await serveHandlers(handlers);
  served.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(served.splice(0).map((s) => s.close()));
});

const MUTANTS = ['no-signature-check', 'crashes-on-unicode', 'doubles-lines-on-redelivery'];

describe('hookcert replay', () => {
  it.each(MUTANTS)('reproduces every failure of mutant %s, and reports each fixed against the reference', async (name) => {
    const mutant = await findMutant('mplus', name);
    const first = await serve(mutant.handlers(setup));
    const run = await cli(['run', '--url', first.url, '--subscription-id', 'acme-42', '--seed', '31337', '--runs', '8', '--level', 'should', '--check', ['MP-SIG-001', ...mutant.checks].join(',')], env);
    expect(run.code, run.stdout).toBe(1);
    const failed = run.results!.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(failed).toEqual(mutant.checks);
    const results = join(run.reportDir, 'results.json');

    // The same mutant on another port: every failure again, with the same requests (same seed, same check).
    const again = await serve(mutant.handlers(setup));
    const still = await cli(['replay', results, '--url', again.url, '--report-dir', join(run.reportDir, 'replay-1')], env);
    expect(still.code, still.stdout + still.stderr).toBe(1);
    for (const id of failed) expect(still.stdout).toContain(`${id}: still failing (`);
    expect(still.stdout).toContain(`0 of ${failed.length} fixed`);
    expect(still.stdout).not.toContain('MP-SIG-001:'); // only the failing cases are replayed
    // Same failing case: the same first request, byte for byte, and the same message (but for ids the receiver makes up).
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    const shape = (c: NonNullable<typeof run.results>['checks'][number]) => ({ message: c.failure?.message.replace(uuid, '<id>'), first: c.failure?.exchanges[0]?.request.body });
    const before = Object.fromEntries(run.results!.checks.map((c) => [c.id, shape(c)]));
    const replayed = JSON.parse(readFileSync(join(run.reportDir, 'replay-1', 'results.json'), 'utf8')) as NonNullable<typeof run.results>;
    expect(replayed.checks.map((c) => c.id)).toEqual(failed);
    for (const c of replayed.checks) expect(shape(c), c.id).toEqual(before[c.id]);

    const reference = await serve(mplusReference(setup));
    const fixed = await cli(['replay', results, '--url', reference.url, '--report-dir', join(run.reportDir, 'replay-2')], env);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    for (const id of failed) expect(fixed.stdout).toContain(`${id}: fixed`);
    expect(fixed.stdout).toContain(`${failed.length} of ${failed.length} fixed`);
  });

  it('--check replays one failure; asking for a check that passed, a missing file or no secret is a usage error (exit 2)', async () => {
    const mutant = (await loadMutants('mplus')).find((m) => m.name === 'no-signature-check')!;
    const receiver = await serve(mutant.handlers(setup));
    const run = await cli(['run', '--url', receiver.url, '--subscription-id', 'acme-42', '--seed', '5', '--runs', '3', '--check', 'MP-SIG-001,MP-SIG-002,MP-SIG-003'], env);
    const results = join(run.reportDir, 'results.json');
    const one = await cli(['replay', results, '--check', 'MP-SIG-003', '--report-dir', join(run.reportDir, 'r')], env);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('replaying 1 failing check of');
    expect(one.stdout).toContain('MP-SIG-003: still failing');
    expect(one.stdout).not.toContain('MP-SIG-002:');

    const passed = await cli(['replay', results, '--check', 'MP-SIG-001'], env);
    expect(passed.code).toBe(2);
    expect(passed.stderr).toMatch(/--check MP-SIG-001: it did not fail in .* \(pass\)/);
    const missing = await cli(['replay', join(run.reportDir, 'nope.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json \(ENOENT\)/);
    const demo = await cli(['demo', '--mutant', 'no-signature-check', '--seed', '5', '--runs', '2', '--check', 'MP-SIG-002']);
    const fromDemo = await cli(['replay', join(demo.reportDir, 'results.json')], env);
    expect(fromDemo.code).toBe(2);
    expect(fromDemo.stderr).toMatch(/comes from `hookcert demo`, whose receiver is gone: pass --url/);
    const noSecret = await cli(['replay', results], {});
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/no secret: set HOOKCERT_SECRET/);
  });
});
