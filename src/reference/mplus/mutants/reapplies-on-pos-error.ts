import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'reapplies-on-pos-error',
  description:
    "unwraps the POS's error request to its original and processes that as the event again, so the line changes or additions the POS just refused come straight back (the POS and the receiver loop)",
  checks: ['MP-ERR-008'],
  break: (ref) => ({
    ...ref,
    parse(inc) {
      const parsed = ref.parse(inc);
      if ('body' in parsed && parsed.body.error && parsed.body.original && typeof parsed.body.original === 'object') return { body: parsed.body.original };
      return parsed;
    },
  }),
});
