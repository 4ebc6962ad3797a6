import { describe, expect, it } from 'vitest';
import { referenceStages, swHandlers, newReceiverState } from '../../src/reference/standard-webhooks/receiver.js';
import { serveHandlers } from '../../src/reference/server.js';
import { cli } from '../helpers.js';
import { randomBytes } from 'node:crypto';

// "rejects a replayed webhook-id or answers it idempotently": a correct receiver that refuses every webhook-id it
// has seen (replay protection) is conformant; SW-IDM-001 only warns that a sender retries a refused delivery.
describe('a receiver that refuses (409) every webhook-id it has already seen', () => {
  it('is conformant, with a warning on SW-IDM-001 only', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const ref = referenceStages(secret);
    const seen = new Set<string>();
    const stages = { ...ref, deduplicate: (s: { id: string }) => (seen.has(s.id) ? { status: 409, json: { error: 'already seen' } } : (seen.add(s.id), undefined)) };
    const served = await serveHandlers(swHandlers(stages, newReceiverState()));
    try {
      const out = await cli(['run', '--profile', 'standard-webhooks', '--url', served.url, '--seed', '20261121', '--runs', '3'], { HOOKCERT_SECRET: secret });
      const notPassing = (out.results?.checks ?? []).filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status}`);
      expect(notPassing, out.stdout).toEqual(['SW-IDM-001: warn']);
      expect(out.results?.verdict).toBe('conformant');
      expect(out.code).toBe(0);
    } finally {
      await served.close();
    }
  });
});
