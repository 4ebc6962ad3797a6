import { randomBytes } from 'node:crypto';
import { http } from '../src/reference/handler.js';
import { describe, expect, it } from 'vitest';
import { mplusReference } from '../src/reference/mplus/mutant.js';
import { serveHandlers } from '../src/reference/server.js';
import { cli, statuses } from './helpers.js';

// MP-EXT-005 gives a callbackUrl the endpoint can reach; on loopback its port comes from the seed, so one
// seed sends the same bytes in every run (issue 17: the ephemeral port was the one thing that broke replay).
const secret = randomBytes(32).toString('base64');
const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: [] };

/** The request bodies one run of MP-EXT-005 sends to a fresh reference receiver, and its results. */
async function bodiesOfOneRun(seed: string) {
  const bodies: string[] = [];
  const record = http.post('*', async ({ request }) => {
    bodies.push(await request.clone().text());
    return undefined;
  });
  const receiver = await serveHandlers([record, ...mplusReference(setup)]);
  try {
    const out = await cli(['run', '--url', receiver.url, '--seed', seed, '--runs', '4', '--check', 'MP-EXT-005,MP-EXT-002'], { HOOKCERT_SECRET: secret });
    return { bodies, out };
  } finally {
    await receiver.close();
  }
}

describe('the callbackUrl of MP-EXT-005', () => {
  it('is called by the reference, and the same seed sends the same bytes twice', async () => {
    const a = await bodiesOfOneRun('515151');
    const b = await bodiesOfOneRun('515151');
    expect(statuses(a.out.results)['MP-EXT-005'], a.out.stdout).toBe('pass');
    expect(a.bodies.some((x) => x.includes('"callbackUrl":"http://127.0.0.1:'))).toBe(true);
    expect(b.bodies).toEqual(a.bodies);
  });
});
