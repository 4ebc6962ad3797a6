import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'no-signature-check',
  description: 'never verifies X-KopoKopo-Signature: accepts forged, unsigned and wrongly signed deliveries',
  checks: ['KK-SIG-002', 'KK-SIG-003', 'KK-SIG-004', 'KK-SIG-005', 'KK-SIG-006', 'KK-SIG-007'],
  break: (ref) => ({ ...ref, signature: () => undefined }),
});
