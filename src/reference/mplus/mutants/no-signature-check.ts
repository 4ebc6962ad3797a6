import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'no-signature-check',
  description: 'never verifies X-Mplus-Signature: accepts forged, unsigned and wrongly signed requests',
  checks: ['MP-SIG-002', 'MP-SIG-003', 'MP-SIG-004', 'MP-SIG-005', 'MP-SIG-006'],
  break: (ref) => ({ ...ref, signature: () => undefined }),
});
