import { expectRejected } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-006',
  title: 'MUST reject the right HMAC in another encoding (hex instead of base64)',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.signature, quote: 'X-Mplus-Signature = base64( HMAC-SHA256( … ) )' },
  order: 'early',
  async run(t) {
    const event = t.pick('startSession', 'scanCode').name;
    const d = await t.deliver(event, t.request(event), { forged: 'other-encoding' });
    expectRejected(t, d, ['INVALID_SIGNATURE'], `${event} with the HMAC hex-encoded`);
  },
});
