import { paymentInWords, paymentsPerCheck, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck } from '../check.js';
import { whenSubscribed } from '../../../src/runner/subscription.js';

/**
 * Each poll is judged against pollExternalPayment's budget (60 s by default: "If you don't reply within 60
 * seconds, we immediately resend the same request"); the whole payment against the run's bounds on polls and
 * time (--max-payment-polls, --max-payment-time; `run.externalPayment` in the config file), set so that a
 * customer can pay at a cash machine.
 */
export default mplusCheck({
  id: 'MP-EXT-002',
  title: "MUST answer each pollExternalPayment within its budget and end the payment confirmed or cancelled within the run's bounds on polls and time",
  level: 'MUST',
  area: 'external-payment',
  judgesLateness: true,
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment)',
    quote: 'This loop continues until (1) you let us know payment succeeded, (2) you let us know payment didn’t succeed or (3) a cancel request ( requestCancelExternalPayment) is sent from the POS.',
  },
  appliesTo: whenSubscribed('startExternalPayment', 'pollExternalPayment'),
  async run(t) {
    const bounds = t.options.paymentBounds;
    let polled = 0;
    for (let i = 0; i < paymentsPerCheck(t); i++) {
      const p = await runExternalPayment(t, { action: 'wait', at: 0 });
      if (p.ended === 'tolerated') {
        t.plan();
        t.warn(p.tolerated!);
        t.unjudged('a refusal the spec tolerates ended the payment');
        continue;
      }
      // A payment that ends at its start has no polls to judge (MP-EXT-001 judges the start).
      if (p.polls.length === 0) continue;
      polled++;
      t.plan();
      const what = `external payment ${p.externalPaymentId}`;
      if (p.problem) t.fail(`${what}: ${p.problem.message}`, { expected: p.problem.expected, received: paymentInWords(p) });
      if (p.ended === 'rounds' || p.ended === 'time')
        t.fail(`${what} was neither confirmed nor cancelled ${p.ended === 'rounds' ? `after ${bounds.maxRounds} polls` : `within ${bounds.maxMs} ms`}`, {
          expected: `externalPayment.confirmed: true or cancelled: true, with the same externalPaymentId, within ${bounds.maxRounds} polls and ${bounds.maxMs} ms (--max-payment-polls, --max-payment-time)`,
          received: paymentInWords(p),
        });
      t.judged();
    }
    if (polled === 0 && !t.cases) t.skip('not exercised: no payment reached pollExternalPayment (each ended or was refused at its start; MP-EXT-001 says why)');
  },
});
