import { swMutant } from '../mutant.js';

export default swMutant({
  name: 'fifteen-minute-tolerance',
  description: "takes timestamps up to 15 minutes away, three times the standard libraries' 5 minutes (still refuses an hour)",
  checks: ['SW-TS-002'],
  break: (ref) => ({
    ...ref,
    timestamp: (s, nowS) => (/^\d{1,12}$/.test(s.timestamp) && Math.abs(nowS - Number(s.timestamp)) <= 900 ? undefined : { status: 401, json: { error: 'stale' } }),
  }),
});
