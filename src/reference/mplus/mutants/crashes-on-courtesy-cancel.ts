import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'crashes-on-courtesy-cancel',
  description: 'has no handler for cancelExternalPayment: the courtesy cancel of a running payment crashes it (500)',
  checks: ['MP-EXT-004'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (event === 'cancelExternalPayment') return { status: 500, text: 'Error: no handler for cancelExternalPayment', headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
