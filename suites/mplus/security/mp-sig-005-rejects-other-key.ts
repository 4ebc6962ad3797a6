import { randomBytes } from 'node:crypto';
import { signMplus } from '../../../src/protocol/signature.js';
import { expectRejected } from '../../../src/pos/judge.js';
import { stampedRequest } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-005',
  title: 'MUST reject a request signed with another secret key',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'Secret Key: This key is used to verify the HMAC signature.' },
  async run(t) {
    for (const event of t.events()) {
      const body = Buffer.from(JSON.stringify(stampedRequest(t, t.request(event.name))), 'utf8');
      const signature = signMplus(body, randomBytes(32).toString('base64'), 'base64');
      const d = await t.deliver(event.name, undefined, { raw: body, tamper: { signature } });
      expectRejected(t, d, ['INVALID_SIGNATURE'], `${event.name} signed with another key`);
    }
  },
});
