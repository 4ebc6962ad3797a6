import { randomBytes } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { serveLibraryReceiver, type LibraryReceiver } from './library-receivers.js';

// After a refused probe, the profile names why every delivery is refused: one line, what to fix.
const served: LibraryReceiver[] = [];
afterAll(async () => Promise.all(served.map((s) => s.close())));

it('names a receiver that keys the HMAC with the whsec_ text', async () => {
  const out = await cli(['demo', '--profile', 'standard-webhooks', '--mutant', 'key-is-secret-text', '--check', 'SW-SIG-001']);
  expect(out.results?.rootCause?.fix, out.stdout).toMatch(/keys the HMAC with the whsec_ text/);
});

it('stops a run with the wrong secret at the root cause (exit 3), never printing either secret', async () => {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const wrong = `whsec_${randomBytes(24).toString('base64')}`;
  const receiver = await serveLibraryReceiver('standardwebhooks', secret);
  served.push(receiver);
  const out = await cli(['run', '--profile', 'standard-webhooks', '--url', receiver.url], { HOOKCERT_SECRET: wrong });
  expect(out.code).toBe(3);
  expect(out.results?.rootCause?.fix, out.stdout).toMatch(/HOOKCERT_SECRET/);
  const written = out.stdout + out.stderr + JSON.stringify(out.results);
  expect(written).not.toContain(secret.slice(6));
  expect(written).not.toContain(wrong.slice(6));
});
