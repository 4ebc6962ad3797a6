import { received } from '../../../src/protocol/kopokopo/judge.js';
import type { KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-SIG-009',
  title: 'SHOULD answer a missing or wrong X-KopoKopo-Signature with 401 Unauthorized, as the SDK receivers do',
  level: 'SHOULD',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.receivers },
  order: 'early',
  async run(t) {
    const others: KopokopoDelivery[] = [];
    for (const { name } of t.topics()) {
      const payload = t.payload(name);
      const tries = [
        await t.deliver(name, payload, { forged: 'missing' }),
        await t.deliver(name, payload, { forged: 'other-body' }),
      ];
      // A hang is judged at once: waiting it out on every topic would outlast the check.
      for (const d of tries) if (d.reply.missing) t.fail(`${name} with a bad signature: no complete reply`, { expected: 'HTTP 401', received: received(d) });
      others.push(...tries.filter((d) => d.reply.status !== 401));
    }
    if (others.length > 0)
      t.fail(`${others.length} deliveries with a missing or wrong signature were not answered 401`, {
        expected: 'HTTP 401 for a missing or wrong signature',
        received: others.slice(0, 4).map((d) => `${d.topic}: ${received(d)}`).join('; '),
        exchanges: others.slice(0, 4).map((d) => d.exchange),
      });
  },
});
