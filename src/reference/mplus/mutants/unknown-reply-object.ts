import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'unknown-reply-object',
  description: 'adds an undocumented top-level "messages" object (a typo of "message") to its replies',
  checks: ['MP-SHP-007'],
  break: (ref) => changeReplies(ref, (_event, reply) => ({ ...reply, messages: [{ message: 'Hello' }] })),
});
