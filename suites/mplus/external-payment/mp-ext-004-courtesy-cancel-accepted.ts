import fc from 'fast-check';
import { paymentInWords, runExternalPayment } from '../../../src/pos/external-payment.js';
import { received } from '../../../src/pos/judge.js';
import { mplusCheck } from '../check.js';

export default mplusCheck({
  id: 'MP-EXT-004',
  title: 'MUST accept the courtesy cancelExternalPayment of a running payment',
  level: 'MUST',
  area: 'external-payment',
  spec: {
    doc: 'spec/seeds/001 (Cash Machine Payment)',
    quote: 'This event is a courtesy event, meaning that the payment process on the POS will be cancelled either way, whether the external system acknowledges it or not.',
  },
  appliesTo: (sub) =>
    ['startExternalPayment', 'pollExternalPayment', 'cancelExternalPayment'].every((n) => sub.events.some((e) => e.name === n)) ||
    'startExternalPayment, pollExternalPayment and cancelExternalPayment are not all subscribed',
  async run(t) {
    let sent = 0;
    // The POS user stops waiting after a random number of polls (the real POS allows it after 30 s; hookcert does not wait).
    let broken: string | undefined;
    const attempt = async (at: number) => {
      // A payment that failed before the POS user could act (MP-EXT-001/002 judge that) stops the others:
      // an endpoint that hangs on a long-poll costs a minute a payment.
      if (broken) return;
      const p = await runExternalPayment(t, { action: 'force-cancel', at });
      const fcx = p.forcedCancel;
      if (!fcx) {
        if (p.problem) broken = p.problem.message;
        return;
      }
      sent++;
      const what = `external payment ${p.externalPaymentId}, given up by the POS user after ${p.actedAfter} polls`;
      if (fcx.problem) t.fail(`${what}: ${fcx.problem.message}`, { expected: fcx.problem.expected, received: paymentInWords(p) });
      if (fcx.refused)
        t.fail(`${what}: cancelExternalPayment was refused with ${received(fcx.refused.delivery)}`, {
          expected: 'HTTP 200: the POS has cancelled the payment either way; the endpoint takes note',
          received: paymentInWords(p),
        });
    };
    await t.property(fc.nat({ max: 3 }), attempt, { runs: Math.max(3, Math.ceil(t.options.runs / 4)) });
    // Every random point came after the payment ended: the earliest point, right after the start.
    if (sent === 0) await attempt(0);
    if (sent === 0 && broken) t.skip(`not exercised: the payments failed before the POS user could act (${broken})`);
    if (sent === 0) t.skip('not exercised: every payment ended before the POS user gave up on it');
  },
});
