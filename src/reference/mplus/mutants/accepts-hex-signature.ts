import { createHmac } from 'node:crypto';
import { decodeSecret } from '../../../protocol/signature.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'accepts-hex-signature',
  description: 'also accepts the HMAC hex-encoded, a second encoding the POS never sends',
  checks: ['MP-SIG-006'],
  break: (ref, setup) => ({
    ...ref,
    signature(inc) {
      const hex = createHmac('sha256', decodeSecret(setup.secret, setup.secretEncoding)).update(inc.raw).digest('hex');
      return inc.headers.get('x-mplus-signature') === hex ? undefined : ref.signature(inc);
    },
  }),
});
