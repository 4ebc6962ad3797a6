import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, statuses } from '../helpers.js';
import { serveLibraryReceiver, type LibraryName, type LibraryReceiver } from './library-receivers.js';

// Receivers that verify with the official `standardwebhooks` library and with the `svix` library's Webhook
// (both with their defaults) are certified conformant, and the report says the tolerance each enforces.
const SEED = '20261121';
const served: LibraryReceiver[] = [];
afterAll(async () => Promise.all(served.map((s) => s.close())));

describe.each<LibraryName>(['standardwebhooks', 'svix'])('a receiver using the %s library', (library) => {
  it('is conformant with its defaults, and its 5-minute tolerance is measured and reported', async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    const receiver = await serveLibraryReceiver(library, secret);
    served.push(receiver);
    const out = await cli(['run', '--profile', 'standard-webhooks', '--url', receiver.url, '--seed', SEED, '--runs', '3'], { HOOKCERT_SECRET: secret });
    const notPassing = Object.entries(statuses(out.results)).filter(([, s]) => s !== 'pass');
    expect(notPassing, out.stdout).toEqual([]);
    expect(out.code).toBe(0);
    expect(out.results?.verdict).toBe('conformant');
    expect(out.results?.checks.length).toBe(17);
    const note = out.results?.coverage?.notes.find((n) => n.startsWith('timestamp tolerance enforced'));
    expect(note, out.stdout).toMatch(/past (29[89]|300) s.*future (29[89]|300) s/);
    // The secret is never written: not in the console, not in the report.
    expect(out.stdout + out.stderr + JSON.stringify(out.results)).not.toContain(secret.slice(6));
  });
});

it("certifies the integrator's own event types, given as schemas in the config file", async () => {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const receiver = await serveLibraryReceiver('svix', secret);
  served.push(receiver);
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-sw-'));
  const order = { type: 'object', required: ['orderId', 'lines'], properties: { orderId: { type: 'string', pattern: '^ord_[0-9]{6}$' }, lines: { type: 'array', items: { type: 'integer' }, maxItems: 4 } } };
  writeFileSync(join(dir, 'hookcert.config.json'), JSON.stringify({ profile: 'standard-webhooks', endpointUrl: receiver.url, eventTypes: { 'order.shipped': order, 'order.refunded': order } }));
  const out = await cli(['run', '--config', join(dir, 'hookcert.config.json'), '--seed', SEED, '--runs', '3'], { HOOKCERT_SECRET: secret });
  expect(out.results?.subscription.events.map((e) => e.name)).toEqual(['order.shipped', 'order.refunded']);
  expect(Object.entries(statuses(out.results)).filter(([, s]) => s !== 'pass'), out.stdout).toEqual([]);
  expect(out.code).toBe(0);
});
