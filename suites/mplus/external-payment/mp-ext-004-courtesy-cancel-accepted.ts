import fc from 'fast-check';
import { paymentInWords, pollsBeforeEnd, runExternalPayment } from '../../../src/pos/external-payment.js';
import { received } from '../../../src/pos/judge.js';
import { mplusCheck } from '../check.js';
import { whenSubscribed } from '../../../src/runner/subscription.js';

export default mplusCheck({
  id: 'MP-EXT-004',
  title: 'MUST accept the courtesy cancelExternalPayment of a running payment',
  level: 'MUST',
  area: 'external-payment',
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment)',
    quote: 'This event is a courtesy event, meaning that the payment process on the POS will be cancelled either way, whether the external system acknowledges it or not.',
  },
  appliesTo: whenSubscribed('startExternalPayment', 'pollExternalPayment', 'cancelExternalPayment'),
  async run(t) {
    // Where the POS user can still act: learnt from one payment left to run to its end.
    const before = await pollsBeforeEnd(t);
    if ('reason' in before) return t.skip(`not exercised: ${before.reason}`);
    // The POS user stops waiting after a random number of polls before the end (the real POS allows it after
    // 30 s; hookcert does not wait); every case runs a payment of its own.
    await t.property(fc.nat({ max: Math.min(before.polls - 1, 3) }), async (at) => {
      const p = await runExternalPayment(t, { action: 'force-cancel', at });
      if (p.ended === 'tolerated') {
        t.warn(p.tolerated!);
        return t.unjudged('a refusal the spec tolerates ended a payment before the POS user could give up on it');
      }
      const fcx = p.forcedCancel;
      if (!fcx) return t.unjudged(p.problem ? `a payment failed before the POS user could act (${p.problem.message}); MP-EXT-001/002 judge that` : 'a payment ended earlier than the first one did, before the POS user could act');
      const what = `external payment ${p.externalPaymentId}, given up by the POS user after ${p.actedAfter} polls`;
      if (fcx.problem) t.fail(`${what}: ${fcx.problem.message}`, { expected: fcx.problem.expected, received: paymentInWords(p) });
      if (fcx.refused && !fcx.refused.tolerated)
        t.fail(`${what}: cancelExternalPayment was refused with ${received(fcx.refused.delivery)}`, {
          expected: 'HTTP 200: the POS has cancelled the payment either way; the endpoint takes note',
          received: paymentInWords(p),
        });
      if (fcx.refused?.tolerated) t.warn(fcx.refused.tolerated);
    }, { runs: Math.max(3, Math.ceil(t.options.runs / 4)) });
  },
});
