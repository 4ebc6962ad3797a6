import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'uncompilable-regex',
  description: 'sends a registration form whose card number regex has an unclosed group, "^(C\\d{8}$", which no regex dialect compiles',
  checks: ['MP-SHP-006'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      for (const f of reply.form?.fields ?? []) if (f.id === 'card_number') f.regex = '^(C\\d{8}$';
      return reply;
    }),
});
