import fc from 'fast-check';
import { MAX_PAYMENT_POLLS, paymentInWords, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck } from '../check.js';

export default mplusCheck({
  id: 'MP-EXT-003',
  title: 'MUST answer requestCancelExternalPayment: the payment cancelled, or a message that it cannot be',
  level: 'MUST',
  area: 'external-payment',
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment)',
    quote: 'When a cancellation is requested, you should cancel the current process ASAP and return that you did, or if it is no longer possible to cancel, you should communicate this to the POS operator through an understandable message.',
  },
  appliesTo: (sub) =>
    ['startExternalPayment', 'pollExternalPayment', 'requestCancelExternalPayment'].every((n) => sub.events.some((e) => e.name === n)) ||
    'startExternalPayment, pollExternalPayment and requestCancelExternalPayment are not all subscribed',
  async run(t) {
    let asked = 0;
    // The POS user asks to cancel after a random number of polls (fast-check shrinks it towards right after the start).
    let broken: string | undefined;
    const attempt = async (at: number) => {
      // A payment that failed before the POS user could act (MP-EXT-001/002 judge that) stops the others:
      // an endpoint that hangs on a long-poll costs a minute a payment.
      if (broken) return;
      const p = await runExternalPayment(t, { action: 'request-cancel', at });
      const rc = p.requestCancel;
      if (!rc) {
        if (p.problem) broken = p.problem.message;
        return;
      }
      asked++;
      const what = `external payment ${p.externalPaymentId}, cancel requested after ${p.actedAfter} polls`;
      if (p.problem) t.fail(`${what}: ${p.problem.message}`, { expected: p.problem.expected, received: paymentInWords(p) });
      const reply = rc.steps[rc.steps.length - 1].reply;
      const ep = reply.externalPayment;
      const answered = ep?.cancelled === true || ep?.confirmed === true;
      const explained = (Array.isArray(reply.message) && reply.message.length > 0) || (Array.isArray(ep?.messages) && ep.messages.length > 0);
      if (!answered && !explained)
        t.fail(`${what}: the cancel request was ignored`, {
          expected: 'externalPayment.cancelled: true (or confirmed: true when it is too late), or a message saying why it cannot be cancelled',
          received: paymentInWords(p),
        });
      if (p.ended === 'rounds' || p.ended === 'time')
        t.fail(`${what}: the cancel was refused with a message, but the payment then did not end within ${MAX_PAYMENT_POLLS} polls`, {
          expected: 'the payment confirmed or cancelled',
          received: paymentInWords(p),
        });
    };
    await t.property(fc.nat({ max: 3 }), attempt, { runs: Math.max(3, Math.ceil(t.options.runs / 4)) });
    // Every random point came after the payment ended: the earliest point, right after the start.
    if (asked === 0) await attempt(0);
    if (asked === 0 && broken) t.skip(`not exercised: the payments failed before the POS user could act (${broken})`);
    if (asked === 0) t.skip('not exercised: every payment ended before the POS user could ask to cancel it');
  },
});
