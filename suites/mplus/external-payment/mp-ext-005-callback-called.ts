import { paymentInWords, paymentsPerCheck, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-EXT-005',
  title: 'INFO calls the callbackUrl of an external payment once its final status is known',
  level: 'INFO',
  area: 'external-payment',
  spec: {
    doc: SPEC.reference,
    quote: 'callbackUrl | string (optional) | If this URL is provided, please call it when you have the final status of the external payment. This is an important step in speeding up certain parts of the payment processing.',
  },
  appliesTo: (sub) =>
    (sub.events.some((e) => e.name === 'startExternalPayment') && sub.events.some((e) => e.name === 'pollExternalPayment')) || 'startExternalPayment and pollExternalPayment are not both subscribed',
  async run(t) {
    let ended = 0;
    for (let i = 0; i < Math.min(2, paymentsPerCheck(t)); i++) {
      const p = await runExternalPayment(t, { action: 'wait', at: 0, callback: true });
      if (p.calledBack === undefined) break; // the payment did not end (MP-EXT-002 says why): nothing to call back
      ended++;
      if (!p.calledBack)
        t.fail(`external payment ${p.externalPaymentId} ended ${p.ended}, but its callbackUrl was not called within 1.5 s`, {
          expected: 'a request to the callbackUrl hookcert served on 127.0.0.1',
          received: paymentInWords(p),
        });
    }
    if (ended === 0) t.skip('not exercised: no payment reached a final status');
  },
});
