import { callbackServer } from '../../../src/pos/callback-url.js';
import { paymentInWords, paymentsPerCheck, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck, SPEC } from '../check.js';
import { whenSubscribed } from '../../../src/runner/subscription.js';

/** How long after the final status the call to the callbackUrl is waited for. */
const CALL_WAIT_MS = 1500;

export default mplusCheck({
  id: 'MP-EXT-005',
  title: 'INFO calls the callbackUrl of an external payment once its final status is known',
  level: 'INFO',
  area: 'external-payment',
  spec: {
    doc: SPEC.reference,
    quote: 'callbackUrl | string (optional) | If this URL is provided, please call it when you have the final status of the external payment. This is an important step in speeding up certain parts of the payment processing.',
  },
  appliesTo: whenSubscribed('startExternalPayment', 'pollExternalPayment'),
  async run(t) {
    // A URL the endpoint can reach: the user's (--callback-url), or loopback when the endpoint is on loopback.
    const server = await callbackServer(t);
    if (typeof server === 'string') return t.skip(server);
    let ended = 0;
    try {
      for (let i = 0; i < Math.min(2, paymentsPerCheck(t)); i++) {
        const p = await runExternalPayment(t, { action: 'wait', at: 0, callback: server });
        if (p.ended !== 'confirmed' && p.ended !== 'cancelled') break; // the payment did not end (MP-EXT-002 says why): nothing to call back
        ended++;
        const calledBack = await server.waitFor(p.externalPaymentId, CALL_WAIT_MS);
        if (!calledBack)
          t.fail(`external payment ${p.externalPaymentId} ended ${p.ended}, but its callbackUrl was not called within ${CALL_WAIT_MS / 1000} s`, {
            expected: `a request to ${server.url(p.externalPaymentId)}`,
            received: paymentInWords(p),
          });
      }
    } finally {
      await server.close();
    }
    if (ended === 0) t.skip('not exercised: no payment reached a final status');
  },
});
