import { conversationProperty, validResponder } from '../../../src/pos/conversations.js';
import { failConversation, sequence } from '../../../src/pos/flows.js';
import { received } from '../../../src/pos/judge.js';
import { answerOf } from '../../../src/pos/till.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-DLG-001',
  title: 'MUST accept every valid answer to its dialog (selectedDialogOptionIds) with a valid reply the POS can apply',
  level: 'MUST',
  area: 'dialog',
  spec: {
    doc: SPEC.reference,
    quote: 'When you reply with a dialog, the user will be able to select some dialog options. Afterwards, the same event will be sent to you again, but this time including the selected dialog options.',
  },
  async run(t) {
    await conversationProperty(t, 'dialog', validResponder, (conv) => {
      // A selection of this dialog's own options, respecting required and allowMultipleOptions: nothing to refuse.
      if (conv.problem && conv.problem.kind !== 'follow-up-bound') failConversation(t, conv, `answering the dialog of ${conv.event}`);
      if (conv.refused)
        t.fail(`a valid answer to the dialog of ${conv.event} was refused: ${conv.event}${answerOf(conv.refused)} → ${received(conv.refused.delivery)}`, {
          expected: 'HTTP 200 with a valid reply: the selection is one the dialog offered',
          received: sequence(conv),
        });
    });
  },
});
