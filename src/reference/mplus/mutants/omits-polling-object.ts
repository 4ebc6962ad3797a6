import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'omits-polling-object',
  description: 'answers polling events with a progress message but no polling object, so the POS polls until its user gives up',
  checks: ['MP-POL-001'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      if (!reply.polling) return reply;
      const { polling, ...rest } = reply;
      return { ...rest, message: [{ message: String(polling.message ?? 'Working on it') }] };
    }),
});
