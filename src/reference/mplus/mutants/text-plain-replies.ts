import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'text-plain-replies',
  description: 'sends JSON replies as Content-Type: text/plain',
  checks: ['MP-SHP-003'],
  break: (ref) => ({ ...ref, sign: (text) => (text ? { ...ref.sign(text), 'content-type': 'text/plain' } : {}) }),
});
