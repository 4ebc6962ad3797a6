/**
 * How an integrator gates their own test suite on hookcert: start your webhook receiver the way your tests
 * already do, call `certify` against it, and fail the suite when it is not conformant. Here the reference
 * receiver stands in for your app; in your project import `certify` from 'hookcert' and start your own server.
 *
 * ```ts
 * import { certify } from 'hookcert';
 * ```
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certify, HookcertError, type CheckResult } from '../src/index.js';
import { mplusReference } from '../src/reference/mplus/mutant.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';

// Your app's configuration: the secret MplusKASSA gave you and your subscription id.
const secret = randomBytes(32).toString('base64');
const subscriptionId = 'acme-loyalty';
let app: ServedReceiver;

beforeAll(async () => {
  // Your app, listening on a free port. (Here: hookcert's reference receiver.)
  app = await serveHandlers(mplusReference({ secret, secretEncoding: 'base64', subscriptionIds: [subscriptionId] }));
});
afterAll(() => app.close());

/** One readable line per check that did not pass: what the test failure prints. */
const explain = (checks: CheckResult[]) => checks.map((c) => `${c.id} ${c.title}: ${c.failure?.message ?? c.reason}\n  replay: ${c.replay}`).join('\n');

describe('our mplus webhook receiver', () => {
  it('is certified by hookcert (MUST checks gate; a fixed seed keeps CI reproducible)', async () => {
    const seen: string[] = [];
    const results = await certify({ url: app.url, secret, subscriptionId, seed: 2026, runs: 5, onCheck: (c) => seen.push(c.id) });
    // Checks run side by side: each is reported as soon as it is judged; the results keep the checklist's order.
    expect([...seen].sort()).toEqual(results.checks.map((c) => c.id).sort());
    const broken = results.checks.filter((c) => c.status === 'fail' || c.status === 'error');
    expect(broken, explain(broken)).toEqual([]);
    expect(results.verdict).toBe('conformant');
    expect(results.summary.total).toBeGreaterThan(40);
  });

  it('fails the suite when the app breaks a rule (a receiver that stopped checking signatures)', async () => {
    const { findMutant } = await import('../src/reference/mutants.js');
    const broken = await serveHandlers((await findMutant('mplus', 'no-signature-check')).handlers({ secret, secretEncoding: 'base64', subscriptionIds: [subscriptionId] }));
    const reportDir = mkdtempSync(join(tmpdir(), 'hookcert-example-'));
    try {
      const results = await certify({ url: broken.url, secret, subscriptionId, seed: 2026, runs: 3, checks: ['MP-SIG-001', 'MP-SIG-002'] });
      expect(results.verdict).toBe('not-conformant');
      expect(results.checks.find((c) => c.id === 'MP-SIG-002')?.status).toBe('fail');
      // Adopting hookcert before the endpoint is perfect: a baseline keeps the gate green, the failure stays visible.
      const known = await certify({ url: broken.url, secret, subscriptionId, seed: 2026, runs: 3, checks: ['MP-SIG-001', 'MP-SIG-002'], baseline: [{ id: 'MP-SIG-002', reason: 'signature rework, JIRA-12' }], reportDir });
      expect(known.verdict).toBe('not-conformant');
      expect(known.gate).toMatchObject({ passed: true, reason: '1 known failure in baseline certify({ baseline })' });
      expect(known.baseline?.known).toEqual(['MP-SIG-002']);
      // With reportDir, the same four files as the CLI (a CI job can publish junit.xml).
      expect(readdirSync(reportDir).sort()).toEqual(['index.html', 'junit.xml', 'results.json', 'summary.md']);
    } finally {
      await broken.close();
    }
  });

  it('throws a HookcertError for bad input instead of judging', async () => {
    await expect(certify({ url: 'example.com/webhooks', secret })).rejects.toThrow(HookcertError);
    await expect(certify({ url: app.url, secret: 'not base64!' })).rejects.toMatchObject({ code: 'HOOKCERT_ERR_SECRET_ENCODING' });
    await expect(certify({ url: app.url, secret, events: ['scanCod'] })).rejects.toThrow(/unknown event "scanCod" \(did you mean "scanCode"\?\)/);
  });
});
