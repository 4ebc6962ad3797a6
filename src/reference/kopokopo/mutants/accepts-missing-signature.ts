import { SIGNATURE_HEADER } from '../../../protocol/kopokopo/headers.js';
import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'accepts-missing-signature',
  description: 'verifies X-KopoKopo-Signature only when the header is there and not empty (`if (sig && !valid) return 401`): an unsigned delivery goes through',
  checks: ['KK-SIG-003', 'KK-SIG-004'],
  break: (ref) => ({ ...ref, signature: (inc) => (inc.headers.get(SIGNATURE_HEADER) ? ref.signature(inc) : undefined) }),
});
