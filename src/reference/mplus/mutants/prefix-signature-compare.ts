import { signMplus } from '../../../protocol/signature.js';
import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'prefix-signature-compare',
  description: 'compares only as many characters as the received signature has, so a truncated signature passes',
  checks: ['MP-SIG-004'],
  break: (ref, setup) => ({
    ...ref,
    signature(inc) {
      const sig = inc.headers.get('x-mplus-signature');
      if (!sig) return fail('NO_SIGNATURE', 'X-Mplus-Signature header missing');
      return signMplus(inc.raw, setup.secret, setup.secretEncoding).startsWith(sig) ? undefined : fail('INVALID_SIGNATURE', 'bad signature');
    },
  }),
});
