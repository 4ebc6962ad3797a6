import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'rejects-empty-optional-field',
  description: 'validates the e-mail field of its registration form even when left empty, though it is optional: 400 INVALID_DATA',
  checks: ['MP-FRM-001'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      const fields: Array<{ id?: string; value?: string }> = Array.isArray(body.form?.fields) ? body.form.fields : [];
      const email = fields.find((f) => f.id === 'email');
      if (body.form && body.form.cancelled !== true && email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(email.value ?? '')))
        return fail('INVALID_DATA', 'email: not a valid e-mail address');
      return ref.reply(event, body, state);
    },
  }),
});
