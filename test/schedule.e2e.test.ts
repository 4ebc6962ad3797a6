import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues, profile } from '../src/profiles.js';
import { resolveRun } from '../src/config/load.js';
import type { ProfileName } from '../src/runner/types.js';
import { run } from '../src/runner/run.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';

// Checks run side by side: the same seed must still send the same requests, byte for byte, whatever the
// schedule. Two runs of the whole suite against the reference, one check and one request at a time
// (`--concurrency 1`) and sixteen at once, compared request by request, per check.
const secret = randomBytes(32).toString('base64');

/** Every request each check sent (URL and body), in the order the check sent them. */
async function requestsOf(name: ProfileName, url: string, concurrency: number): Promise<Map<string, string[]>> {
  const { sub, options } = resolveRun(
    { url, secret, profile: name, subscriptionId: name === 'mplus' ? 'acme-42' : undefined, seed: '31337', runs: '3', concurrency: String(concurrency), noDefaultConfig: true },
    catalogues,
    {},
  );
  const sent = new Map<string, string[]>();
  const results = await run({
    driver: profile(name).driver,
    sub,
    options,
    replayBase: ['run'],
    listener: {
      exchanged(source, ex) {
        // The POS's callback server listens on a port of the moment: the one part of a request that is not the seed's.
        const body = ex.request.body.replace(/127\.0\.0\.1:\d+\/hookcert\/callback/g, '127.0.0.1:PORT/hookcert/callback');
        const list = sent.get(source) ?? [];
        list.push(`${ex.request.url} ${body.includes('PORT') ? '(callback port varies) ' : ''}${body}`);
        sent.set(source, list);
      },
    },
  });
  expect(results.verdict).toBe('conformant');
  return sent;
}

/** The requests grouped by who sent them (the POS workplace's `sender.instanceId`), each group in send order. */
function byWorkplace(requests: readonly string[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const r of requests) {
    const who = /"instanceId":"([^"]+)"/.exec(r)?.[1] ?? 'one sender';
    (groups[who] ??= []).push(r);
  }
  return groups;
}

describe.each(['mplus', 'kopokopo', 'standard-webhooks'] as const)('the %s suite at --concurrency 1 and 16', (name) => {
  let receiver: ServedReceiver;
  beforeAll(async () => {
    const setup = { secret, secretEncoding: name === 'kopokopo' ? ('utf8' as const) : ('base64' as const), subscriptionIds: ['acme-42'] };
    receiver = await serveHandlers(await profile(name).reference(setup));
  });
  afterAll(() => receiver.close());

  it('sends the same request bodies, check by check', async () => {
    const one = await requestsOf(name, receiver.url, 1);
    const sixteen = await requestsOf(name, receiver.url, 16);
    // A check that sends several at once (the concurrency load, skipped at --concurrency 1) is compared as a set.
    // A check that gives the endpoint a callbackUrl waits for the endpoint's own call, so what it sends next depends
    // on when that call comes (and the callback server's port is the moment's): compared only as far as the seed goes.
    const callsBack = (id: string) => [...(one.get(id) ?? []), ...(sixteen.get(id) ?? [])].some((r) => r.includes('(callback port varies)'));
    const both = [...one.keys()].filter((id) => sixteen.has(id) && !callsBack(id));
    expect(both.length).toBeGreaterThan({ mplus: 40, kopokopo: 18, 'standard-webhooks': 15 }[name]);
    for (const id of both) {
      const a = one.get(id)!;
      const b = sixteen.get(id)!;
      expect(b.length, id).toBe(a.length);
      const concurrent = id.includes('-TIM-002');
      if (concurrent) expect([...b].sort(), id).toEqual([...a].sort());
      // Cases on lanes (each lane its own workplaces) interleave as the replies come: each workplace's requests
      // are compared in the order it sent them, and each lane sends the same whatever ran beside it.
      else expect(byWorkplace(b), id).toEqual(byWorkplace(a));
    }
    // Only the checks that need requests at once are left out at --concurrency 1.
    expect([...sixteen.keys()].filter((id) => !one.has(id) && id !== 'probe').sort()).toEqual({ mplus: ['MP-TIM-002'], kopokopo: ['KK-TIM-002'], 'standard-webhooks': [] }[name]);
    // The timing baseline comes right after the probe, before exploration and every other check: its requests
    // have the endpoint to themselves (Map keys keep the order each sender first sent in; MP-TIM-001 sends alone).
    if (name === 'mplus') expect([...sixteen.keys()].slice(0, 3)).toEqual(['probe', 'MP-TIM-001', 'exploration']);
  }, 300_000);
});
