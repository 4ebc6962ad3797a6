import { createHmac } from 'node:crypto';
import { decodeSecret } from '../../../src/protocol/signature.js';
import { expectRejected } from '../../../src/pos/judge.js';
import { stampedRequest } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-006',
  title: 'MUST reject the right HMAC in another encoding (hex instead of base64)',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.signature, quote: 'X-Mplus-Signature = base64( HMAC-SHA256( … ) )' },
  async run(t) {
    const event = t.pick('startSession', 'scanCode').name;
    const body = Buffer.from(JSON.stringify(stampedRequest(t, t.request(event))), 'utf8');
    const hex = createHmac('sha256', decodeSecret(t.sub.secret.reveal(), t.sub.secretEncoding)).update(body).digest('hex');
    const d = await t.deliver(event, undefined, { raw: body, tamper: { signature: hex } });
    expectRejected(t, d, ['INVALID_SIGNATURE'], `${event} with the HMAC hex-encoded`);
  },
});
