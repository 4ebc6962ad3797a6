import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'acknowledges-wrong-content-type',
  description: 'never looks at the Content-Type: a body sent as text/plain, form-encoded or without a type is read as JSON and answered 200',
  checks: ['MP-ERR-006'],
  break: (ref) => ({ ...ref, contentType: () => undefined }),
});
