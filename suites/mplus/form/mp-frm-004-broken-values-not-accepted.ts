import type { MplusReplyForm } from '../../../src/generated/mplus/reply/form.js';
import { CASE_LANES } from '../../../src/pos/context.js';
import { sampledResponder } from '../../../src/pos/conversations.js';
import { notReached, probe, tillFor } from '../../../src/pos/flows.js';
import { everyBrokenFormAnswer } from '../../../src/pos/form.js';
import { deriveSeed } from '../../../src/runner/seed.js';
import { mplusCheck, SPEC } from '../check.js';

/** Broken submissions sent per form at most (each breaks one constraint of one field). */
const MAX_CASES = 16;

export default mplusCheck({
  id: 'MP-FRM-004',
  title: "SHOULD NOT accept form values that break the form's own constraints: refuse them, or ask the form again",
  level: 'SHOULD',
  long: true,
  area: 'form',
  spec: { doc: SPEC.reference, quote: 'form.fields[].regex | string (optional) | A regex pattern to validate the input.' },
  async run(t) {
    const found = await probe(t, 'form');
    if (found.length === 0) t.skip(notReached(t, 'form', 'no reply carried a form', `generated requests of ${t.events().length} events`));
    const accepted: string[] = [];
    for (const { event, template } of found.slice(0, 2)) {
      // Every constraint of the first form, broken one at a time, on purpose: the same cases under every seed.
      const first = await tillFor(t, template, `form of ${event}`).till.send(event, {}, { template });
      const form = first.steps.find((s) => s.reply.form)?.reply.form;
      if (!form) continue;
      // Each broken submission is a conversation of its own: they run side by side, each on a lane of its own.
      const cases = everyBrokenFormAnswer(form, deriveSeed(t.seed, 'valid values')).slice(0, MAX_CASES);
      const outcomes = await t.eachOnLanes(cases, CASE_LANES, async ({ answer, broken }) => {
        t.plan();
        let sent = false;
        const valid = sampledResponder(t.seed);
        const responder = { dialog: valid.dialog, form: (f: MplusReplyForm) => (sent ? valid.form!(f) : ((sent = true), answer)) };
        const conv = await tillFor(t, template, `broken form of ${event}`, { responder }).till.send(event, {}, { template });
        const step = conv.steps.find((s) => s.kind === 'form');
        if (!step) {
          t.unjudged(`the form of ${event} did not come back the same way, so a broken submission could not be sent`);
          return undefined;
        }
        t.judged();
        const status = step.delivery.reply.status ?? 0;
        return status >= 200 && status <= 299 && !step.reply.form && !step.reply.error ? `${event}: ${broken}` : undefined;
      });
      accepted.push(...outcomes.filter((o): o is string => o !== undefined));
    }
    if (accepted.length > 0)
      t.fail(`${accepted.length} submission${accepted.length > 1 ? 's' : ''} breaking the form's own constraints ${accepted.length > 1 ? 'were' : 'was'} accepted`, {
        expected: 'a refusal (4xx or an error object) or the form again, with what to correct',
        received: accepted.join('\n'),
      });
  },
});
