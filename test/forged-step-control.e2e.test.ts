import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeReplies } from '../src/reference/mplus/mutant.js';
import { mplusHandlers, newReplyState, referenceStages } from '../src/reference/mplus/receiver.js';
import { serveHandlers } from '../src/reference/server.js';
import { cli } from './helpers.js';

// MP-SIG-008 and MP-SIG-011 compare a flow with a forgery in it against the same flow run twice without one. A
// correct endpoint whose own state moves from one flow to the next (here: every other cash-machine payment is
// cancelled by the customer, every other session is greeted as a returning one) leaves no undisturbed answer to
// compare with: each check says it was not exercised, and why, in every output; never a pass, never a failure.
describe('the forgery checks when the two undisturbed flows differ', () => {
  it('MP-SIG-008 and MP-SIG-011 skip, naming the two answers, and the run says they were not exercised', async () => {
    const secret = randomBytes(32).toString('base64');
    const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: ['acme'] };
    const payments = new Map<string, number>();
    let sessions = 0;
    const moody = changeReplies(referenceStages(setup), (event, reply, body) => {
      const id = String((body as { externalPayment?: { externalPaymentId?: unknown } }).externalPayment?.externalPaymentId);
      if (event === 'startExternalPayment' && !payments.has(id)) payments.set(id, payments.size);
      const payment = reply.externalPayment as { confirmed?: boolean } | undefined;
      // The customer walks away from every other payment: it ends cancelled, not confirmed.
      if (event === 'pollExternalPayment' && payment?.confirmed && payments.get(id)! % 2 === 1) return { externalPayment: { externalPaymentId: id, cancelled: true } };
      if (event === 'startSession' && sessions++ % 2 === 1) return { ...reply, message: [{ message: 'Welcome back' }] };
      return reply;
    });
    const served = await serveHandlers(mplusHandlers(moody, newReplyState()));
    try {
      // Under several seeds: the skip depends on the endpoint, never on the requests drawn.
      for (const seed of ['3', '4', '7']) {
        const out = await cli(['run', '--url', served.url, '--subscription-id', 'acme', '--seed', seed, '--runs', '2', '--check', 'MP-SIG-008,MP-SIG-011'], { HOOKCERT_SECRET: secret });
        const results = out.results!;
        for (const id of ['MP-SIG-008', 'MP-SIG-011']) {
          const result = results.checks.find((c) => c.id === id)!;
          expect(result.status, `${id} under seed ${seed}: ${out.stdout}`).toBe('skip');
          expect(result.reason).toMatch(/^not exercised: the same flow, run twice without a forgery, was answered differently \(.+ · then · .+\), so there is no undisturbed answer to compare with/);
          expect(out.stdout).toMatch(new RegExp(`skip\\s+${id}`));
        }
        expect(results.checks.find((c) => c.id === 'MP-SIG-008')!.reason).toMatch(/\(ended (confirmed · then · ended cancelled|cancelled · then · ended confirmed)\)/);
        expect(results.checks.find((c) => c.id === 'MP-SIG-011')!.reason).toMatch(/\(startSession: event 2xx \{(version\} · then · startSession: event 2xx \{message, version|message, version\} · then · startSession: event 2xx \{version)\}\)/);
        // Not exercised is not certified: the run names the skips and the area it cannot certify.
        expect(out.stdout).toMatch(/2 skip, 0 error/);
        expect(out.stdout).toMatch(/2 checks skipped \(not exercised\): MP-SIG-008, MP-SIG-011/);
        expect(out.stdout).toMatch(/verdict: conformant; not certified for: security/);
      }
    } finally {
      await served.close();
    }
  });
});
