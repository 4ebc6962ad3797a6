import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'bad-colour',
  description: 'gives dialog options colours that are neither #rrggbb nor a colour name ("#12345")',
  checks: ['MP-SHP-001'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      for (const o of reply.dialog?.dialogOptions ?? []) o.optionColor = '#12345';
      return reply;
    }),
});
