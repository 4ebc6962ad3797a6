import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'never-confirms-payment',
  description: 'keeps answering pollExternalPayment with "waiting for the cash machine" and never confirms or cancels the payment',
  checks: ['MP-EXT-002'],
  break: (ref) =>
    changeReplies(ref, (event, reply, body) => {
      if (event !== 'pollExternalPayment') return reply;
      return { externalPayment: { externalPaymentId: body.externalPayment?.externalPaymentId, messages: [{ message: 'Waiting for the cash machine' }] } };
    }),
});
