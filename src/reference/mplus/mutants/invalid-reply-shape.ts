import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'invalid-reply-shape',
  description: 'answers scanCode with "recognized": "yes" (a string where the spec says boolean)',
  checks: ['MP-SHP-001'],
  break: (ref) => changeReplies(ref, (event, reply) => (event === 'scanCode' ? { ...reply, scanCode: { ...reply.scanCode, recognized: 'yes' } } : reply)),
});
