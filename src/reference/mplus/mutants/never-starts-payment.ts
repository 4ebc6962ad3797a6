import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'never-starts-payment',
  description: 'acknowledges startExternalPayment with the right externalPaymentId but never says started: true, so the POS never moves on to its polls',
  checks: ['MP-EXT-001'],
  break: (ref) =>
    changeReplies(ref, (event, reply) => {
      if (event !== 'startExternalPayment' || !reply.externalPayment) return reply;
      const { started: _, ...ack } = reply.externalPayment;
      return { ...reply, externalPayment: ack };
    }),
});
