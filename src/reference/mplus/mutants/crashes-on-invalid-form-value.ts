import { registrationProblem } from '../replies-flows.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'crashes-on-invalid-form-value',
  description: 'trusts the POS to have validated the form: a value that breaks a field constraint crashes it (500) instead of asking again',
  checks: ['MP-FRM-003'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (body.form && body.form.cancelled !== true && body.form.id === 'customer_registration' && registrationProblem(body.form))
        return { status: 500, text: "TypeError: Cannot read properties of null (reading '1')", headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
