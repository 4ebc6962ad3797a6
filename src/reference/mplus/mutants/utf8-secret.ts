import { referenceStages } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'utf8-secret',
  description: 'uses the secret key as UTF-8 text instead of base64-decoding it, for requests and replies',
  checks: ['MP-SIG-001', 'MP-SIG-010'],
  break: (_ref, setup) => referenceStages({ ...setup, secretEncoding: setup.secretEncoding === 'base64' ? 'utf8' : 'base64' }),
});
