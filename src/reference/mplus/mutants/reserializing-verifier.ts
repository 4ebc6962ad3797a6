import { signMplus } from '../../../protocol/signature.js';
import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'reserializing-verifier',
  description:
    'verifies X-Mplus-Signature over JSON.stringify(JSON.parse(body)) instead of the raw bytes: a pretty-printed body (as in the vendor\'s examples) or one with \\u escapes is refused with INVALID_SIGNATURE',
  checks: ['MP-RAW-001'],
  break: (ref, setup) => ({
    ...ref,
    signature(inc) {
      const sig = inc.headers.get('x-mplus-signature');
      if (!sig) return fail('NO_SIGNATURE', 'X-Mplus-Signature header missing');
      let copy: Buffer;
      try {
        copy = Buffer.from(JSON.stringify(JSON.parse(inc.raw.toString('utf8'))), 'utf8');
      } catch {
        return fail('INVALID_JSON', 'the body is not valid JSON');
      }
      return signMplus(copy, setup.secret, setup.secretEncoding) === sig ? undefined : fail('INVALID_SIGNATURE', 'signature does not match the body');
    },
  }),
});
