import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'no-timestamp-check',
  description: 'verifies the signature but never the timestamp: a captured delivery can be replayed an hour, a day or years later',
  checks: ['SW-TS-001', 'SW-TS-002'],
  break: (ref) => ({ ...ref, timestamp: () => undefined }),
});
