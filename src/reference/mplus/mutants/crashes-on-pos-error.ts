import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'crashes-on-pos-error',
  description: "answers 500 to the POS's error request (error + original): it expects an event object in every request",
  checks: ['MP-ERR-001'],
  break: (ref) => ({
    ...ref,
    posError: () => ({ status: 500, text: "TypeError: Cannot read properties of undefined (reading 'eventCounter')", headers: { 'content-type': 'text/plain' } }),
  }),
});
