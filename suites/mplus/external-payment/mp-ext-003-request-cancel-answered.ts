import fc from 'fast-check';
import { paymentInWords, pollsBeforeEnd, runExternalPayment } from '../../../src/pos/external-payment.js';
import { mplusCheck } from '../check.js';
import { whenSubscribed } from '../../../src/runner/subscription.js';

export default mplusCheck({
  id: 'MP-EXT-003',
  title: 'MUST answer requestCancelExternalPayment: the payment cancelled, or a message that it cannot be',
  level: 'MUST',
  area: 'external-payment',
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment)',
    quote: 'When a cancellation is requested, you should cancel the current process ASAP and return that you did, or if it is no longer possible to cancel, you should communicate this to the POS operator through an understandable message.',
  },
  appliesTo: whenSubscribed('startExternalPayment', 'pollExternalPayment', 'requestCancelExternalPayment'),
  async run(t) {
    // Where the POS user can still act: learnt from one payment left to run to its end.
    const before = await pollsBeforeEnd(t);
    if ('reason' in before) return t.skip(`not exercised: ${before.reason}`);
    // The POS user asks to cancel after a random number of polls before the end; every case runs a payment of its own.
    await t.property(fc.nat({ max: Math.min(before.polls - 1, 3) }), async (at) => {
      const p = await runExternalPayment(t, { action: 'request-cancel', at });
      if (p.ended === 'tolerated') {
        t.warn(p.tolerated!);
        return t.unjudged('a refusal the spec tolerates ended a payment before the POS user could ask to cancel it');
      }
      const rc = p.requestCancel;
      if (!rc) return t.unjudged(p.problem ? `a payment failed before the POS user could act (${p.problem.message}); MP-EXT-001/002 judge that` : 'a payment ended earlier than the first one did, before the POS user could act');
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
        t.fail(`${what}: the cancel was refused with a message, but the payment then did not end within the run's bounds`, {
          expected: `the payment confirmed or cancelled within ${t.options.paymentBounds.maxRounds} polls and ${t.options.paymentBounds.maxMs} ms`,
          received: paymentInWords(p),
        });
    }, { runs: Math.max(3, Math.ceil(t.options.runs / 4)) });
  },
});
