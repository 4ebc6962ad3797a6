import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'acknowledges-schema-invalid',
  description: 'answers a body it cannot use (no event object, a mistyped counter, a session that is a string) with 200 and an empty body instead of 400 INVALID_DATA',
  checks: ['MP-ERR-007'],
  break: (ref) => ({ ...ref, validate: (event, body) => (ref.validate(event, body) ? { status: 200 } : undefined) }),
});
