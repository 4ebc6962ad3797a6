import { everyReply, received, replyObject } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SHP-002',
  title: 'MUST use reply objects only in the events that allow them',
  level: 'MUST',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.reference, quote: 'receiptFooter (only works with completeSession) … billFooter (only works with printBill) … scanCode (only works with scanCode)' },
  async run(t) {
    await everyReply(t, (d) => {
      const reply = replyObject(d);
      const forbidden = t.catalogue.forbiddenReplyObjects(d.event).filter((o) => o in reply);
      if (forbidden.length > 0)
        t.fail(`the reply to ${d.event} carries ${forbidden.join(', ')}, which the POS does not accept in ${d.event}`, {
          expected: `only ${t.catalogue.get(d.event).replyObjects.join(', ')}`,
          received: received(d),
        });
      if ('polling' in reply && d.request?.event.eventPolling !== true)
        t.warn(`the reply to a non-polling ${d.event} carries a polling object; the POS only reads it for polling events`);
    });
  },
});
