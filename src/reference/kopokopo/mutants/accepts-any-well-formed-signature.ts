import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'accepts-any-well-formed-signature',
  description: 'checks that X-KopoKopo-Signature looks like 64 lowercase hex digits but never computes the HMAC: any well-formed forgery goes through',
  checks: ['KK-SIG-002', 'KK-SIG-007'],
  break: (ref) => ({
    ...ref,
    signature(inc) {
      const sig = inc.headers.get(SIGNATURE_HEADER) ?? '';
      return /^[0-9a-f]{64}$/.test(sig) ? undefined : { status: 401, json: { error: 'Unauthorized' } };
    },
  }),
});
