import { sign } from '../../../protocol/standard-webhooks/verify.js';
import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'prefix-signature-compare',
  description: 'accepts a v1 entry that is a prefix of the right signature (compares only as many characters as were sent)',
  checks: ['SW-SIG-004'],
  break: (ref, secret) => ({
    ...ref,
    signature(s, inc) {
      const right = sign({ id: s.id, timestamp: s.timestamp, body: inc.raw }, secret);
      const ok = s.signature.split(' ').some((e) => e.startsWith('v1,') && e.length > 3 && right.startsWith(e));
      return ok ? undefined : { status: 401, json: { error: 'no valid signature' } };
    },
  }),
});
