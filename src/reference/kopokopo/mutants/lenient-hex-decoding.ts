import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'lenient-hex-decoding',
  description:
    'decodes X-KopoKopo-Signature with Buffer.from(sig, "hex"), which stops at the first non-hex digit, and compares the bytes: the right signature with junk after it is accepted',
  checks: ['KK-SIG-010'],
  break: (ref, apiKey) => ({
    ...ref,
    signature(inc) {
      const sig = inc.headers.get(SIGNATURE_HEADER);
      const expected = createHmac('sha256', apiKey).update(inc.raw).digest();
      const given = Buffer.from(sig ?? '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : { status: 401, json: { error: 'Unauthorized' } };
    },
  }),
});
