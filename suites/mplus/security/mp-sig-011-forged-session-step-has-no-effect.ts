import type { MplusRequest } from '../../../src/protocol/mplus/requests.js';
import { tillFor } from '../../../src/pos/flows.js';
import { expectForgeryRefused, forgeryInWords, shapeOf, shapesOf, unstable } from '../../../src/pos/forged-step.js';
import { CASE_LANES, type Delivery, type MplusContext } from '../../../src/pos/context.js';
import type { Conversation } from '../../../src/pos/till.js';
import { whenAnySubscribed } from '../../../src/runner/subscription.js';
import { mplusCheck, SPEC } from '../check.js';

/** A session's life in the order a POS user lives it; the subscribed ones are its steps. */
const LIFE = ['startSession', 'scanCode', 'addSessionLine', 'selectRelation', 'customAction', 'pauseSession', 'resumeSession', 'removeSessionLine', 'printBill', 'startPayment', 'cancelPayment', 'completeSession'];

type Step = { event: string; template: MplusRequest };

/** One session through `steps`, in a fresh session of the first step's lines; with `forgedAt`, a forger's copy of that step comes just before it. */
async function live(t: MplusContext, steps: readonly Step[], forgedAt?: number): Promise<{ convs: Conversation[]; forged?: Delivery }> {
  const { till } = tillFor(t, steps[0].template, forgedAt === undefined ? 'a session' : `a session, its ${steps[forgedAt].event} forged first`);
  const convs: Conversation[] = [];
  let forged: Delivery | undefined;
  for (const [i, s] of steps.entries()) {
    if (i === forgedAt) forged = await till.forge(s.event, {}, s.template);
    convs.push(await till.send(s.event, {}, { template: s.template }));
  }
  return { convs, forged };
}

export default mplusCheck({
  id: 'MP-SIG-011',
  title: 'MUST let a badly signed step of a session have no effect: the genuine events that follow are answered as if it never came',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'Secret Key: This key is used to verify the HMAC signature.' },
  appliesTo: whenAnySubscribed(LIFE, 'no event of a session’s life is subscribed'),
  order: 'early',
  long: true,
  async run(t) {
    // One session's events (its lines rung up before it starts, so that scans and payments have lines to act on).
    const steps: Step[] = LIFE.filter((e) => t.event(e)).map((event) => ({ event, template: t.request(event, { lines: { min: 1, max: 3 } }) }));
    // The control: the same session lived twice without a forgery.
    const first = shapesOf((await live(t, steps)).convs);
    const again = (await live(t, steps)).convs;
    if (first !== shapesOf(again)) t.skip(`not exercised: ${unstable(first, shapesOf(again))}`);
    // Each step in turn is forged (another key) just before the genuine one, in sessions side by side.
    await t.perKind(steps.map((_, i) => i), (i) => steps[i].event, async (i) => {
      t.plan();
      const { convs, forged } = await live(t, steps, i);
      expectForgeryRefused(t, forged!, `${steps[i].event} of a session`);
      const differs = convs.findIndex((c, j) => j >= i && shapeOf(c) !== shapeOf(again[j]));
      if (differs >= 0)
        t.fail(`a badly signed ${steps[i].event}, refused, still changed how the session's ${differs === i ? 'genuine ' : ''}${steps[differs].event} that followed was answered (the endpoint acted on the forged request before verifying it)`, {
          expected: `as without the forgery: ${shapesOf(again.slice(i))}`,
          received: `${forgeryInWords(forged!)}; then:\n${shapesOf(convs.slice(i))}`,
          exchanges: [forged!.exchange, ...convs.slice(i, differs + 1).flatMap((c) => c.steps.map((s) => s.delivery.exchange))],
        });
      t.judged();
    }, { lanes: CASE_LANES });
  },
});
