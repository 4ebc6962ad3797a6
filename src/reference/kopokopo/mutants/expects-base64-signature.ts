import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'expects-base64-signature',
  description: 'expects X-KopoKopo-Signature as base64 (as other webhook providers send it), so every genuine lowercase-hex signature is refused with 401',
  checks: ['KK-SIG-001'],
  break: (ref, apiKey) => ({
    ...ref,
    signature(inc) {
      const sig = Buffer.from(inc.headers.get(SIGNATURE_HEADER) ?? '', 'utf8');
      const expected = Buffer.from(createHmac('sha256', apiKey).update(inc.raw).digest('base64'), 'utf8');
      return sig.length === expected.length && timingSafeEqual(sig, expected) ? undefined : { status: 401, json: { error: 'Unauthorized' } };
    },
  }),
});
