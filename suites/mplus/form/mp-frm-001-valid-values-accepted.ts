import { conversationProperty, validResponder } from '../../../src/pos/conversations.js';
import { expectNotRefused, failConversation, sequence } from '../../../src/pos/flows.js';
import { unfillableFields } from '../../../src/pos/form.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-FRM-001',
  title: "MUST accept form values that meet the form's own constraints",
  level: 'MUST',
  area: 'form',
  spec: {
    doc: SPEC.reference,
    quote: 'When you reply with a form, the user will be able to fill out and submit it. Afterwards, the same event will be sent to you again, but this time including the submitted form values.',
  },
  async run(t) {
    await conversationProperty(t, 'form', validResponder, (conv) => {
      const unfillable = conv.steps.flatMap((s) => (s.reply.form ? unfillableFields(s.reply.form) : []));
      if (unfillable.length > 0)
        return t.unjudged(`hookcert could not fill in the required field(s) ${unfillable.join(', ')} of a form of ${conv.event} (no value meets the constraints, or a regex hookcert cannot generate values for)`);
      if (conv.problem && conv.problem.kind !== 'follow-up-bound') failConversation(t, conv, `submitting the form of ${conv.event}`);
      if (expectNotRefused(t, conv, `values that meet the form's constraints`, "HTTP 200 with a valid reply: every value was drawn from the form's own field constraints"))
        return t.unjudged('a refusal the spec tolerates ended the conversation before its form was submitted');
      // Asking the very same form again after valid values is refusing them too.
      const again = conv.steps.find((s) => s.kind === 'form' && s.reply.form && String(s.reply.form.id) === String(s.delivery.request?.form?.id));
      if (again)
        t.fail(`values that meet the form's constraints got the same form ${JSON.stringify(String(again.reply.form!.id))} back`, {
          expected: "the submission accepted: every value was drawn from the form's own field constraints",
          received: sequence(conv),
        });
    });
  },
});
