import { sign } from '../../../protocol/standard-webhooks/verify.js';
import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'single-signature-header',
  description: 'compares the whole webhook-signature header with the one signature it expects, so a header of several entries (key rotation) is refused',
  checks: ['SW-SIG-006'],
  break: (ref, secret) => ({
    ...ref,
    signature: (s, inc) => (s.signature === sign({ id: s.id, timestamp: s.timestamp, body: inc.raw }, secret) ? undefined : { status: 401, json: { error: 'bad signature' } }),
  }),
});
