import fc from 'fast-check';
import type { KopokopoContext } from '../../src/protocol/kopokopo/context.js';
import { expectAcknowledged } from '../../src/protocol/kopokopo/judge.js';
import type { KopokopoPayload, PayloadShape } from '../../src/protocol/kopokopo/payloads.js';

/** A generated payload and its topic: what a robustness property shows as its counterexample. */
export interface TopicPayload {
  topic: string;
  payload: KopokopoPayload;
}

/** One generated payload of any subscribed topic (shrinks towards the first topic). */
export function topicPayloads(t: KopokopoContext, shape: PayloadShape = {}): fc.Arbitrary<TopicPayload> {
  const names = t.topics().map((e) => e.name);
  return fc.constantFrom(...names).chain((topic) => t.payloads(topic, shape).map((payload) => ({ topic, payload })));
}

/**
 * Delivers every case of `arb` and expects each to be acknowledged (2xx, no 5xx, no hang); fast-check shrinks a
 * failing case to the smallest payload that still breaks the endpoint.
 */
export async function expectAcknowledgedOver(t: KopokopoContext, arb: fc.Arbitrary<TopicPayload>, kind: string): Promise<void> {
  if (t.topics().length === 0) t.skip('no topic is subscribed');
  await t.property(
    arb,
    async ({ topic, payload }) => {
      const d = await t.deliver(topic, payload);
      expectAcknowledged(t, d, `${topic} with ${kind}`);
    },
    { runs: Math.max(1, t.options.runs * t.topics().length) },
  );
}
