import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'invented-error-code',
  description: "refuses bad and missing signatures with its own code BAD_SIG instead of the vendor's INVALID_SIGNATURE / NO_SIGNATURE",
  checks: ['MP-ERR-005'],
  break: (ref) => ({ ...ref, signature: (inc) => (ref.signature(inc) ? fail('BAD_SIG', 'signature check failed') : undefined) }),
});
