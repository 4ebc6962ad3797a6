import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRun } from '../src/config/load.js';
import { catalogues, profile } from '../src/profiles.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { run } from '../src/runner/run.js';
import type { ProfileName } from '../src/runner/types.js';

// A check that sends many requests at once (the concurrency load: eight workplaces and their background polls)
// has one abort listener per request on its check's signal. They are removed when each request ends: not a
// leak, and no user should see Node's MaxListenersExceededWarning (it was printed by `hookcert demo --quick`).
const secret = randomBytes(32).toString('base64');

describe.each([
  ['mplus', 'MP-TIM-002'],
  ['kopokopo', 'KK-TIM-002'],
] as const)('the %s concurrency load (%s)', (name: ProfileName, check) => {
  let receiver: ServedReceiver;
  const warnings: Error[] = [];
  const onWarning = (w: Error) => void warnings.push(w);
  beforeAll(async () => {
    const setup = { secret, secretEncoding: name === 'kopokopo' ? ('utf8' as const) : ('base64' as const), subscriptionIds: ['acme-42'] };
    receiver = await serveHandlers(await profile(name).reference(setup));
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await receiver.close();
  });

  it('prints no MaxListenersExceededWarning', async () => {
    const { sub, options } = resolveRun(
      { url: receiver.url, secret, profile: name, subscriptionId: name === 'mplus' ? 'acme-42' : undefined, seed: '7', runs: '3', check, noDefaultConfig: true },
      catalogues,
      {},
    );
    const results = await run({ driver: profile(name).driver, sub, options, replayBase: ['run'] });
    const judged = results.checks.find((c) => c.id === check);
    // The load really ran side by side (the default --concurrency), so the listeners were there to count.
    expect(options.concurrency).toBeGreaterThan(1);
    expect(judged?.status).toBe('pass');
    expect(judged?.exchanges.length).toBeGreaterThan(10);
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });
});
