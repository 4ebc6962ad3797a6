import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'no-redelivery-memory',
  description: 'keeps no memory of processed events: a re-delivered customAction flips its button again, a re-delivered pollExternalPayment counts as the next poll',
  checks: ['MP-IDM-001'],
  break: (ref) => ({
    ...ref,
    reply: (event, body, state) => ref.reply(event, body, { ...state, seen: new Map() }),
  }),
});
