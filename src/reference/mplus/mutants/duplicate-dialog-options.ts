import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'duplicate-dialog-options',
  description: 'numbers every dialog option 1, so the POS cannot tell which one was chosen',
  checks: ['MP-SHP-005'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      for (const o of reply.dialog?.dialogOptions ?? []) o.optionId = 1;
      return reply;
    }),
});
