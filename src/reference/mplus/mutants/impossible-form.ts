import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'impossible-form',
  description: 'sends a registration form whose card number regex does not compile and whose family size has minimum > maximum',
  checks: ['MP-SHP-006'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      for (const f of reply.form?.fields ?? []) {
        if (f.id === 'card_number') f.regex = '^(C\\d{8}$';
        if (f.id === 'family_size') [f.minimumValue, f.maximumValue] = [9, 1];
      }
      return reply;
    }),
});
