import { expectNoServerError } from '../../../src/protocol/standard-webhooks/judge.js';
import { SPEC, swCheck, typesOf } from '../check.js';

export default swCheck({
  id: 'SW-ERR-002',
  title: 'MUST answer a correctly signed delivery of an event type it does not know without a 5xx or a hang (senders add types)',
  level: 'MUST',
  area: 'errors',
  spec: { doc: 'schemas/standard-webhooks/envelope.schema.json', quote: 'The generic envelope: type is any full-stop delimited name and data any object' },
  async run(t) {
    const type = typesOf(t)[0];
    const p = t.payload(type);
    expectNoServerError(t, await t.deliver(type, { ...p, type: 'hookcert.future_event' }), 'a delivery of the unknown type hookcert.future_event');
    expectNoServerError(t, await t.deliver(type, { ...p, type: 'hookcert.future_event', data: { hookcert: [1, { nested: true }] } }), 'an unknown type with data of another shape');
  },
});
