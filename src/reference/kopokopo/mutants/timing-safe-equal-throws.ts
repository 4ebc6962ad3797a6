import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'timing-safe-equal-throws',
  description:
    'compares Buffer.from(signature, "hex") with crypto.timingSafeEqual without checking lengths first: a truncated or non-hex signature throws RangeError, answered 500',
  checks: ['KK-SIG-005', 'KK-SIG-006', 'KK-SIG-008'],
  break: (ref, apiKey) => ({
    ...ref,
    signature(inc) {
      const sig = inc.headers.get(SIGNATURE_HEADER);
      if (!sig) return { status: 401, json: { error: 'Unauthorized' } };
      const expected = createHmac('sha256', apiKey).update(inc.raw).digest();
      try {
        return timingSafeEqual(Buffer.from(sig, 'hex'), expected) ? undefined : { status: 401, json: { error: 'Unauthorized' } };
      } catch (err) {
        return { status: 500, text: `RangeError: ${(err as Error).message}`, headers: { 'content-type': 'text/plain' } };
      }
    },
  }),
});
