import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'unsigned-replies',
  description: 'sends replies without X-Mplus-Signature',
  checks: ['MP-SIG-010'],
  break: (ref) => ({ ...ref, sign: (text): Record<string, string> => (text ? { 'content-type': 'application/json' } : {}) }),
});
