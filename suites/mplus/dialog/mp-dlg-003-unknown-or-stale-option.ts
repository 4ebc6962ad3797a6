import fc from 'fast-check';
import { conversationProperty, validResponder, type Draw } from '../../../src/pos/conversations.js';
import { invalidSelections, validSelections } from '../../../src/pos/dialog.js';
import { failConversation, notReached } from '../../../src/pos/flows.js';
import type { Responder } from '../../../src/pos/till.js';
import { mplusCheck, SPEC } from '../check.js';

/** Which dialog of the conversation gets the answer it does not offer: the first or the second. */
const whichDialog = () => fc.nat({ max: 1 });

export default mplusCheck({
  id: 'MP-DLG-003',
  title: 'MUST handle an unknown or stale dialog option id without a 5xx, a hang or an invalid reply',
  level: 'MUST',
  area: 'dialog',
  spec: { doc: SPEC.reference, quote: 'dialog.selectedDialogOptionIds | int[] | The ID’s of the selected dialog option. Can be zero, one or more.' },
  async run(t) {
    let sent = 0;
    // The POS user answers the `at`-th dialog of the conversation with ids it does not offer (unknown ids, or
    // ids of the dialog before it: stale), every other dialog validly.
    const negative = (draw: Draw): Responder => {
      const at = draw(whichDialog);
      let seen = 0;
      return {
        ...validResponder(draw),
        dialog(dialog, earlier) {
          if (seen++ !== at) return draw(validSelections, dialog);
          sent++;
          return draw(invalidSelections, dialog, earlier).ids;
        },
      };
    };
    await conversationProperty(t, 'dialog', negative, (conv) => {
      // A refusal (4xx) or the dialog again is handling it; a 5xx, no reply or an invalid reply is not.
      if (conv.problem && conv.problem.kind !== 'follow-up-bound') failConversation(t, conv, `answering the dialog of ${conv.event} with an option it does not offer`);
    });
    if (sent === 0) t.skip(notReached(t, 'dialog', 'no conversation reached the dialog that was to get the unknown id', `generated requests of ${t.events().length} events`));
  },
});
