import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'refuses-cancelled-form',
  description: 'answers a cancelled form (form.cancelled: true, no values) with 400 INVALID_DATA "form incomplete", though cancelling is a valid step of the POS user',
  checks: ['MP-FRM-002'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (body.form?.cancelled === true) return fail('INVALID_DATA', 'form incomplete');
      return ref.reply(event, body, state);
    },
  }),
});
