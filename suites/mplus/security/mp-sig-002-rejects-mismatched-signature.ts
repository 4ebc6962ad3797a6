import { expectRejected } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-002',
  title: 'MUST reject a request whose X-Mplus-Signature does not match the body',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'Secret Key: This key is used to verify the HMAC signature. It is never transmitted through webhook calls.' },
  order: 'early',
  async run(t) {
    for (const event of t.events()) {
      // A real signature with the right key, but of another body (this request with another eventCounter).
      const d = await t.deliver(event.name, t.request(event.name), { forged: 'other-body' });
      expectRejected(t, d, ['INVALID_SIGNATURE'], `${event.name} signed over different bytes`);
    }
  },
});
