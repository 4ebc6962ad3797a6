import { expectRejected } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-003',
  title: 'MUST reject a request without X-Mplus-Signature',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: NO_SIGNATURE, INVALID_SIGNATURE, …' },
  order: 'early',
  async run(t) {
    for (const event of t.events()) {
      const d = await t.deliver(event.name, t.request(event.name), { forged: 'missing' });
      expectRejected(t, d, ['NO_SIGNATURE', 'INVALID_SIGNATURE'], `${event.name} without a signature`);
      const empty = await t.deliver(event.name, t.request(event.name), { forged: 'empty' });
      expectRejected(t, empty, ['NO_SIGNATURE', 'INVALID_SIGNATURE'], `${event.name} with an empty signature`);
    }
  },
});
