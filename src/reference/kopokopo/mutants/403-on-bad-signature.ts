import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: '403-on-bad-signature',
  description: 'refuses a missing or wrong signature with 403 Forbidden instead of the SDKs\' 401 Unauthorized',
  checks: ['KK-SIG-009'],
  break: (ref) => ({
    ...ref,
    async signature(inc) {
      const out = await ref.signature(inc);
      return out && out.status === 401 ? { ...out, status: 403 } : out;
    },
  }),
});
