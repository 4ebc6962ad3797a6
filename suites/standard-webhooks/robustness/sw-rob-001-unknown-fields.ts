import fc from 'fast-check';
import { expectAccepted } from '../../../src/protocol/standard-webhooks/judge.js';
import { SPEC, swCheck, typesOf } from '../check.js';

export default swCheck({
  id: 'SW-ROB-001',
  title: 'MUST accept (2xx) valid deliveries with unknown extra fields in the payload and its data (forward compatibility), never a 5xx or a hang',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: 'schemas/standard-webhooks/envelope.schema.json', quote: 'The body of a Standard Webhooks delivery: `{type, timestamp, data}` … `data` is the event type\'s own payload' },
  async run(t) {
    const types = typesOf(t);
    const cases = fc.constantFrom(...types).chain((type) => t.payloads(type, { extraProperties: true }).map((payload) => ({ type, payload })));
    await t.property(cases, async ({ type, payload }) => expectAccepted(t, await t.deliver(type, payload), `${type} with unknown extra fields`), {
      runs: Math.max(1, t.options.runs * types.length),
    });
  },
});
