import { paymentInWords, paymentsPerCheck, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck } from '../check.js';
import { whenSubscribed } from '../../../src/runner/subscription.js';

export default mplusCheck({
  id: 'MP-EXT-001',
  title: 'MUST acknowledge startExternalPayment with the same externalPaymentId and started: true (or end the payment at once)',
  level: 'MUST',
  area: 'external-payment',
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment); seed 002 (externalPayment)',
    quote: 'In the response, you must acknowledge receipt of the request to start the external payment. Make sure you include the correct externalPaymentId. … started: The external payment flow won’t progress from the start, to poll stage until you respond TRUE.',
  },
  appliesTo: whenSubscribed('startExternalPayment'),
  async run(t) {
    for (let i = 0; i < paymentsPerCheck(t); i++) {
      t.plan();
      const p = await runExternalPayment(t, { action: 'start-only', at: 0 });
      if (p.ended === 'tolerated') {
        t.warn(p.tolerated!);
        t.unjudged('a refusal the spec tolerates ended the payment at its start');
        continue;
      }
      if (p.problem && p.problem.conv === p.start)
        t.fail(`external payment ${p.externalPaymentId}: ${p.problem.message}`, { expected: p.problem.expected, received: paymentInWords(p) });
      // The POS waits for started: true; an acknowledgement without it (and without confirmed or cancelled) holds the customer at the till.
      if (p.ended === 'not-started')
        t.fail(`external payment ${p.externalPaymentId}: startExternalPayment was acknowledged without started: true, so the payment never moves on to its polls`, {
          expected: `{"externalPayment": {"externalPaymentId": "${p.externalPaymentId}", "started": true}} ("The external payment flow won’t progress from the start, to poll stage until you respond TRUE")`,
          received: paymentInWords(p),
        });
      t.judged();
    }
  },
});
