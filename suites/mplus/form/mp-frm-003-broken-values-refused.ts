import fc from 'fast-check';
import { conversationProperty, validResponder, type Draw } from '../../../src/pos/conversations.js';
import { failConversation } from '../../../src/pos/flows.js';
import { brokenFormAnswers, validFormAnswers, type FormAnswer } from '../../../src/pos/form.js';
import type { Responder } from '../../../src/pos/till.js';
import { mplusCheck, SPEC } from '../check.js';

/** Submissions of `form` breaking one constraint, or nothing when it has none to break. */
const broken = (form: Record<string, unknown>) => brokenFormAnswers(form) ?? fc.constant(undefined);

export default mplusCheck({
  id: 'MP-FRM-003',
  title: "MUST handle form values that break the form's constraints without a 5xx, a hang or an invalid reply",
  level: 'MUST',
  area: 'form',
  spec: { doc: SPEC.reference, quote: 'form.fields[].regex | string (optional) | A regex pattern to validate the input.' },
  async run(t) {
    let sent = 0;
    let why = '';
    // The first form gets values that break one of its constraints (a POS that did not validate, a newer
    // form than the POS knows); whatever is asked after that is answered validly.
    const breaking = (draw: Draw): Responder => {
      let first = true;
      return {
        ...validResponder(draw),
        form(form): FormAnswer | undefined {
          if (!first) return draw(validFormAnswers, form);
          first = false;
          const bad = draw(broken, form);
          if (!bad) return draw(validFormAnswers, form);
          sent++;
          why = bad.broken;
          return bad.answer;
        },
      };
    };
    // Refused (a 4xx), the form again, or accepted: all handled (accepting them is MP-FRM-004's); a 5xx, no
    // reply or an invalid reply is not.
    await conversationProperty(t, 'form', breaking, (conv) => {
      if (conv.problem && conv.problem.kind !== 'follow-up-bound') failConversation(t, conv, `submitting values that break the form of ${conv.event} (${why})`);
    });
    if (sent === 0) t.skip('not exercised: the forms had no constraint to break (no required field, length, regex, bounds or options); nothing to configure: such a form has nothing to refuse');
  },
});
