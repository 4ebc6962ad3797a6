import { MAX_PAYMENT_POLLS, paymentInWords, paymentsPerCheck, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck } from '../check.js';

export default mplusCheck({
  id: 'MP-EXT-002',
  title: `MUST answer each pollExternalPayment within its budget and end the payment confirmed or cancelled within ${MAX_PAYMENT_POLLS} polls`,
  level: 'MUST',
  area: 'external-payment',
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment)',
    quote: 'This loop continues until (1) you let us know payment succeeded, (2) you let us know payment didn’t succeed or (3) a cancel request ( requestCancelExternalPayment) is sent from the POS.',
  },
  appliesTo: (sub) =>
    (sub.events.some((e) => e.name === 'startExternalPayment') && sub.events.some((e) => e.name === 'pollExternalPayment')) || 'startExternalPayment and pollExternalPayment are not both subscribed',
  async run(t) {
    let polled = 0;
    for (let i = 0; i < paymentsPerCheck(t); i++) {
      const p = await runExternalPayment(t, { action: 'wait', at: 0 });
      if (p.polls.length === 0) continue;
      polled++;
      const what = `external payment ${p.externalPaymentId}`;
      if (p.problem) t.fail(`${what}: ${p.problem.message}`, { expected: p.problem.expected, received: paymentInWords(p) });
      if (p.ended === 'rounds' || p.ended === 'time')
        t.fail(`${what} was neither confirmed nor cancelled ${p.ended === 'rounds' ? `after ${MAX_PAYMENT_POLLS} polls (hookcert's bound on polls)` : `within the pollExternalPayment budget of ${t.event('pollExternalPayment')?.budgetMs} ms`}`, {
          expected: 'externalPayment.confirmed: true or cancelled: true, with the same externalPaymentId',
          received: paymentInWords(p),
        });
    }
    if (polled === 0) t.skip('not exercised: no payment reached pollExternalPayment (each was confirmed, cancelled or refused at its start)');
  },
});
