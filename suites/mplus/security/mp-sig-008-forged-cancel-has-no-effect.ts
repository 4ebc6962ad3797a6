import { paymentInWords, paymentsPerCheck, runExternalPayment, type PaymentRun } from '../../../src/pos/external-payment.js';
import { expectForgeryRefused, unstable } from '../../../src/pos/forged-step.js';
import { whenSubscribed } from '../../../src/runner/subscription.js';
import { mplusCheck, SPEC } from '../check.js';

/** How a payment ended, in the terms compared (the number of polls may vary with a real cash machine's pace). */
const end = (p: PaymentRun) => (p.problem ? `a problem: ${p.problem.message}` : p.ended);

export default mplusCheck({
  id: 'MP-SIG-008',
  title: 'MUST let a badly signed requestCancelExternalPayment have no effect: the payment goes on and ends as it would have without it',
  level: 'MUST',
  long: true,
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'Secret Key: This key is used to verify the HMAC signature.' },
  appliesTo: whenSubscribed('startExternalPayment', 'pollExternalPayment', 'requestCancelExternalPayment'),
  async run(t) {
    const why: string[] = [];
    for (let i = 0; i < paymentsPerCheck(t); i++) {
      // The control: two payments the POS user lets run to their end.
      const first = await runExternalPayment(t, { action: 'wait', at: 0 });
      const again = await runExternalPayment(t, { action: 'wait', at: 0 });
      if (first.ended !== 'confirmed' && first.ended !== 'cancelled') {
        why.push(`an undisturbed payment did not end confirmed or cancelled (${end(first)}; MP-EXT-001/002 judge that)`);
        continue;
      }
      if (end(first) !== end(again)) {
        why.push(unstable(`ended ${end(first)}`, `ended ${end(again)}`));
        continue;
      }
      if (again.polls.length === 0) {
        why.push('the payment ended at its start, before anyone could ask to cancel it');
        continue;
      }
      t.plan();
      // A forger asks to cancel after a number of polls at which the payment is still running; the POS never asked.
      const p = await runExternalPayment(t, { action: 'forged-request-cancel', at: i % again.polls.length });
      if (!p.forgedCancel) {
        t.unjudged(`a payment ended (${end(p)}) before the forger's cancel request could be sent`);
        continue;
      }
      expectForgeryRefused(t, p.forgedCancel, `requestCancelExternalPayment of external payment ${p.externalPaymentId}`);
      if (end(p) !== end(again))
        t.fail(`external payment ${p.externalPaymentId}: a badly signed requestCancelExternalPayment, refused, still changed the payment: it ended ${end(p)}, where payments left alone end ${end(again)} (the endpoint acted on the forged request before verifying it)`, {
          expected: `the payment goes on as if the forged request never came, and ends ${end(again)}`,
          received: paymentInWords(p),
        });
      t.judged();
    }
    if (t.cases === undefined) t.skip(`not exercised: ${[...new Set(why)].join('; ')}`);
  },
});
