import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: '500-on-bad-signature',
  description: 'throws on a signature that does not match and lets the framework answer 500 instead of 401 (only a missing header gets 401)',
  checks: ['KK-SIG-002', 'KK-SIG-005', 'KK-SIG-006', 'KK-SIG-007'],
  break: (ref) => ({
    ...ref,
    async signature(inc) {
      const out = await ref.signature(inc);
      if (out && /does not match/.test(JSON.stringify(out.json)))
        return { status: 500, text: 'Error: InvalidSignatureError: X-KopoKopo-Signature mismatch', headers: { 'content-type': 'text/plain' } };
      return out;
    },
  }),
});
