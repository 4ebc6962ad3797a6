import { changeReplies, mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'deletes-pos-line',
  description: 'on startPayment deletes the first line of the session (meant to drop its own voucher line), though the POS user rang it up',
  checks: ['MP-SES-001'],
  break: (ref) =>
    changeReplies(ref, (event, reply, body) => {
      const first = body.session?.lines?.[0]?.lineId;
      if (event === 'startPayment' && typeof first === 'string') reply.lineDeletions = [{ lineId: first }];
      return reply;
    }),
});
