import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'accepts-broken-form-values',
  description: 'welcomes every submitted registration form without checking it against the constraints it set itself (a card number that is not C + 8 digits, a family size of 0…)',
  checks: ['MP-FRM-004'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (event === 'customAction' && body.form && body.form.cancelled !== true) return { status: 200, reply: { message: [{ message: 'Welcome!' }] } };
      return ref.reply(event, body, state);
    },
  }),
});
