import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'crashes-on-cancelled-form',
  description: 'reads the name field of every submitted form, so a cancelled form (no values) crashes it (500)',
  checks: ['MP-FRM-002'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (body.form?.cancelled === true) return { status: 500, text: "TypeError: Cannot read properties of undefined (reading 'trim')", headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
