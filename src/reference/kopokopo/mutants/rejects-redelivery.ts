import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'rejects-redelivery',
  description: 'answers 409 Conflict to an event id it has already processed, so Kopo Kopo sees the re-delivery fail and keeps retrying',
  checks: ['KK-IDM-001'],
  break: (ref) => ({
    ...ref,
    deduplicate(n, state) {
      return state.answered.has(n.key) ? { status: 409, json: { error: `event ${n.key} already processed` } } : undefined;
    },
  }),
});
