import { paymentInWords, paymentsPerCheck, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck } from '../check.js';

export default mplusCheck({
  id: 'MP-EXT-001',
  title: 'MUST acknowledge startExternalPayment with the same externalPaymentId',
  level: 'MUST',
  area: 'external-payment',
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment)',
    quote: 'In the response, you must acknowledge receipt of the request to start the external payment. Make sure you include the correct externalPaymentId.',
  },
  appliesTo: (sub) => sub.events.some((e) => e.name === 'startExternalPayment') || 'startExternalPayment is not subscribed',
  async run(t) {
    for (let i = 0; i < paymentsPerCheck(t); i++) {
      const p = await runExternalPayment(t, { action: 'start-only', at: 0 });
      if (p.problem && p.problem.conv === p.start)
        t.fail(`external payment ${p.externalPaymentId}: ${p.problem.message}`, { expected: p.problem.expected, received: paymentInWords(p) });
      if (p.ended === 'not-started')
        t.warn('startExternalPayment got an externalPayment object that neither starts nor cancels the payment ("The external payment flow won’t progress from the start, to poll stage until you respond TRUE")');
    }
  },
});
