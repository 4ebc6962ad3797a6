import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'no-subscription-check',
  description: 'ignores X-Mplus-Subscription-Id: accepts requests without one or with an unknown one',
  checks: ['MP-SUB-001', 'MP-SUB-002'],
  break: (ref) => ({ ...ref, subscription: () => undefined }),
});
