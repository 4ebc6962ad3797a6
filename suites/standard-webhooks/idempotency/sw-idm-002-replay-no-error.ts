import type { SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { accepted, received, refused } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

export default swCheck({
  id: 'SW-IDM-002',
  title: 'MUST answer a replayed delivery (the very same headers and bytes, inside the tolerance) idempotently (2xx) or by rejecting it (4xx), never a 5xx or a hang',
  level: 'MUST',
  area: 'idempotency',
  spec: { doc: SPEC.facts, quote: QUOTE.idempotency },
  async run(t) {
    const bad: Array<{ d: SwDelivery; again: SwDelivery }> = [];
    let judged = 0;
    for (const type of typesOf(t)) {
      const d = await t.send(type);
      if (!accepted(d)) continue; // SW-SIG-001 judges the first delivery
      judged++;
      for (let i = 0; i < 2; i++) {
        const again = await t.replay(d);
        if (!accepted(again) && !refused(again)) bad.push({ d, again });
      }
    }
    if (judged === 0) t.skip('not exercised: no correctly signed delivery was accepted, so there was none to replay (SW-SIG-001 says why)');
    if (bad.length > 0)
      t.fail(`${bad.length} replays of a delivery already taken got neither a 2xx nor a 4xx`, {
        expected: 'the same 2xx again (webhook-id is the idempotency key), or a 4xx refusing the replay',
        received: bad.slice(0, 4).map((b) => `${b.d.type}: first ${received(b.d)}, replayed ${received(b.again)}`).join('; '),
        exchanges: bad.slice(0, 2).flatMap((b) => [b.d.exchange, b.again.exchange]),
      });
  },
});
