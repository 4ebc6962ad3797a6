import { createHmac } from 'node:crypto';
import { signedContent } from '../../../protocol/standard-webhooks/signing.js';
import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'key-is-secret-text',
  description: 'keys the HMAC with the whsec_ secret as text instead of the bytes its base64 decodes to, so every correct signature is refused',
  checks: ['SW-SIG-001'],
  break: (ref, secret) => ({
    ...ref,
    signature(s, inc) {
      const mac = `v1,${createHmac('sha256', secret).update(signedContent({ id: s.id, timestamp: s.timestamp, body: inc.raw })).digest('base64')}`;
      return s.signature.split(' ').includes(mac) ? undefined : { status: 401, json: { error: 'bad signature' } };
    },
  }),
});
