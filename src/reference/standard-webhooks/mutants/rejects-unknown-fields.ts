import { swMutant } from '../mutant.js';

const ENVELOPE = new Set(['type', 'timestamp', 'data']);

export default swMutant({
  name: 'rejects-unknown-fields',
  description: 'validates payloads strictly and answers 400 to one with a field beside type, timestamp and data (a newer sender version)',
  checks: ['SW-ROB-001'],
  break: (ref) => ({
    ...ref,
    process: (body, s) => (Object.keys(body).some((k) => !ENVELOPE.has(k)) ? { status: 400, json: { error: 'unexpected field' } } : ref.process(body, s)),
  }),
});
