import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: '500-on-invalid-data',
  description: 'trusts the shape of the body: a missing event, a mistyped counter or a malformed session crashes it with a 500 instead of 400 INVALID_DATA',
  checks: ['MP-ERR-004'],
  break: (ref) => ({
    ...ref,
    validate: (event, body) =>
      ref.validate(event, body) ? { status: 500, text: "TypeError: Cannot read properties of undefined (reading 'eventCounter')", headers: { 'content-type': 'text/plain' } } : undefined,
  }),
});
