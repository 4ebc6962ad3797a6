import { randomUUID } from 'node:crypto';
import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'wrong-external-payment-id',
  description: "answers the external payment events with its own transaction id in externalPaymentId instead of the POS's",
  checks: ['MP-EXT-001'],
  break: (ref) =>
    changeReplies(ref, (_event, reply) => {
      if (reply.externalPayment) reply.externalPayment.externalPaymentId = randomUUID();
      return reply;
    }),
});
