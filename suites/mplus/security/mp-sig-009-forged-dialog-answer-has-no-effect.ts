import type { MplusRequest } from '../../../src/protocol/mplus/requests.js';
import { optionIds } from '../../../src/pos/dialog.js';
import { notReached, probe, tillFor } from '../../../src/pos/flows.js';
import { expectForgeryRefused, forgeryInWords, shapeOf, unstable } from '../../../src/pos/forged-step.js';
import type { Delivery, MplusContext } from '../../../src/pos/context.js';
import type { Conversation } from '../../../src/pos/till.js';
import { flowsPerCheck } from '../../../src/runner/options.js';
import { mplusCheck, SPEC } from '../check.js';

/**
 * One dialog of `event` answered with its first option (a selection every dialog allows), in a fresh session;
 * with `forge`, a forger's copy of that answer (another key) comes first. `undefined` when no dialog came.
 */
async function answerDialog(t: MplusContext, event: string, template: MplusRequest, forge: boolean): Promise<{ answer: Conversation; forged?: Delivery } | undefined> {
  const { till } = tillFor(t, template, `dialog of ${event}${forge ? ', its answer forged first' : ''}`);
  const asked = await till.send(event, {}, { template });
  const dialog = asked.steps.at(-1)?.reply.dialog;
  if (asked.problem || asked.refused || !dialog) return undefined;
  const answer = { dialog: { selectedDialogOptionIds: optionIds(dialog).slice(0, 1) } };
  const forged = forge ? await till.forge(event, answer, template) : undefined;
  return { answer: await till.send(event, answer, { template }), forged };
}

export default mplusCheck({
  id: 'MP-SIG-009',
  title: 'MUST let a badly signed dialog answer have no effect: the genuine answer that follows is answered as if it never came',
  level: 'MUST',
  long: true,
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'Secret Key: This key is used to verify the HMAC signature.' },
  async run(t) {
    const found = (await probe(t, 'dialog')).slice(0, flowsPerCheck(t.options));
    if (found.length === 0) t.skip(notReached(t, 'dialog', 'no reply carried a dialog', 'tried generated requests of the events whose replies may carry one'));
    const why: string[] = [];
    // One failure shown per event whose dialog the forgery changed.
    const events = [...new Set(found.map((f) => f.event))];
    await t.perKind(events, (event) => event, async (event) => {
      for (const { template } of found.filter((f) => f.event === event)) {
        // The control: the same dialog answered twice without a forgery, each in a session of its own.
        const first = await answerDialog(t, event, template, false);
        const again = await answerDialog(t, event, template, false);
        if (!first || !again) {
          why.push(`the dialog of ${event} did not come again`);
          continue;
        }
        if (shapeOf(first.answer) !== shapeOf(again.answer)) {
          why.push(unstable(shapeOf(first.answer), shapeOf(again.answer)));
          continue;
        }
        t.plan();
        const forged = await answerDialog(t, event, template, true);
        if (!forged?.forged) {
          t.unjudged(`the dialog of ${event} did not come a third time`);
          continue;
        }
        expectForgeryRefused(t, forged.forged, `an answer to the dialog of ${event}`);
        if (shapeOf(forged.answer) !== shapeOf(again.answer))
          t.fail(`a badly signed answer to the dialog of ${event}, refused, still changed how the genuine answer that followed was answered (the endpoint acted on the forged answer before verifying it)`, {
            expected: `the genuine answer answered as without the forgery: ${shapeOf(again.answer)}`,
            received: `${forgeryInWords(forged.forged)}; then the genuine answer: ${shapeOf(forged.answer)}`,
            exchanges: [forged.forged.exchange, ...forged.answer.steps.map((s) => s.delivery.exchange)],
          });
        t.judged();
      }
    });
    if (t.cases === undefined) t.skip(`not exercised: ${[...new Set(why)].join('; ')}`);
  },
});
