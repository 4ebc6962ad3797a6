import { describe, expect, it } from 'vitest';
import { loadChecks } from './load.js';

/** Signature checks that run whole flows (payments, dialogs, sessions) with a forged step in them: not cheap. */
const FLOWS = new Set(['MP-SIG-008', 'MP-SIG-009', 'MP-SIG-011']);

describe.each(['mplus', 'kopokopo', 'standard-webhooks'] as const)('the %s checks', (profile) => {
  it('run the cheap decisive ones early: signatures, subscription ids and raw bodies', async () => {
    const checks = await loadChecks(profile);
    const decisive = checks.filter((c) => /^[A-Z]{2}-(SIG|SUB|RAW)-/.test(c.id) && !FLOWS.has(c.id));
    expect(decisive.length).toBeGreaterThan(5);
    // What they prove (the secret, the subscription, the raw bytes) is known in the first seconds of a run.
    expect(decisive.filter((c) => c.order !== 'early').map((c) => c.id)).toEqual([]);
  });
});
