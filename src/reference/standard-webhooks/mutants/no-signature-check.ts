import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'no-signature-check',
  description: 'never verifies webhook-signature (only that the headers are there): accepts forged and wrongly signed deliveries',
  checks: ['SW-SIG-002', 'SW-SIG-004', 'SW-SIG-005'],
  break: (ref) => ({ ...ref, signature: () => undefined }),
});
