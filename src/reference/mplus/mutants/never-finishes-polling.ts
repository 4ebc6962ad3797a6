import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'never-finishes-polling',
  description: 'never answers polling.finished: true (its job queue never reports done), so every polling process runs until the POS user cancels it',
  checks: ['MP-POL-002'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      if (reply.polling) reply.polling = { ...reply.polling, finished: false, message: 'Still working…' };
      return reply;
    }),
});
