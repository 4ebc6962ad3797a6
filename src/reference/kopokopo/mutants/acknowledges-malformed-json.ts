import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: 'acknowledges-malformed-json',
  description: 'answers 200 to a signed body it cannot parse and drops it: the delivery is lost without a trace',
  checks: ['KK-ERR-002'],
  break: (ref) => ({
    ...ref,
    parse(inc) {
      const out = ref.parse(inc);
      return 'body' in out || !/not valid JSON/.test(JSON.stringify(out.json)) ? out : { status: 200, json: { status: 'received' } };
    },
  }),
});
