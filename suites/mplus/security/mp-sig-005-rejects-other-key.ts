import { expectRejected } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-005',
  title: 'MUST reject a request signed with another secret key',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'Secret Key: This key is used to verify the HMAC signature.' },
  order: 'early',
  async run(t) {
    for (const event of t.events()) {
      const d = await t.deliver(event.name, t.request(event.name), { forged: 'other-key' });
      expectRejected(t, d, ['INVALID_SIGNATURE'], `${event.name} signed with another key`);
    }
  },
});
