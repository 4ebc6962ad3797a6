import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'rejects-retry',
  description: 'answers 409 Conflict to a webhook-id it has already processed, so the sender sees its retry fail and keeps retrying, then disables the endpoint',
  checks: ['SW-IDM-001'],
  break: (ref) => ({ ...ref, deduplicate: (s, state) => (state.answered.has(s.id) ? { status: 409, json: { error: `${s.id} already processed` } } : undefined) }),
});
