import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'accepts-missing-signature',
  description: 'verifies a signature when there is one, but lets requests without X-Mplus-Signature through',
  checks: ['MP-SIG-003'],
  break: (ref) => ({ ...ref, signature: (inc) => (inc.headers.get('x-mplus-signature') ? ref.signature(inc) : undefined) }),
});
