import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'ignores-cancel-request',
  description: 'answers requestCancelExternalPayment with an empty 200 and lets the payment run on: the POS user never learns whether it was cancelled',
  checks: ['MP-EXT-003'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (event === 'requestCancelExternalPayment') return { status: 200 };
      return ref.reply(event, body, state);
    },
  }),
});
