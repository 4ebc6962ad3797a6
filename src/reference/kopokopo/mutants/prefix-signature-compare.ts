import { signKopokopo } from '../../../protocol/signature.js';
import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'prefix-signature-compare',
  description: 'compares only as many characters as the header has (`expected.startsWith(sig)`): a truncated signature verifies',
  checks: ['KK-SIG-005'],
  break: (ref, apiKey) => ({
    ...ref,
    signature(inc) {
      const sig = inc.headers.get(SIGNATURE_HEADER);
      if (!sig) return { status: 401, json: { error: 'Unauthorized' } };
      return signKopokopo(inc.raw, apiKey).startsWith(sig) ? undefined : { status: 401, json: { error: 'Unauthorized' } };
    },
  }),
});
