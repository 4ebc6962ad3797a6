import { swMutant } from '../mutant.js';

export default swMutant({
  name: '410-on-bad-signature',
  description: 'refuses a bad signature or stale timestamp with 410 Gone, which tells the sender to disable the endpoint',
  checks: ['SW-ERR-003'],
  break: (ref) => ({
    ...ref,
    timestamp: (s, nowS) => (ref.timestamp(s, nowS) ? { status: 410, json: { error: 'gone' } } : undefined),
    async signature(s, inc) {
      return (await ref.signature(s, inc)) ? { status: 410, json: { error: 'gone' } } : undefined;
    },
  }),
});
