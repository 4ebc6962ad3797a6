import { everyReply, received } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SHP-008',
  title: 'SHOULD send inside each reply object only the properties seed 002 documents for it (the POS drops the others: a text in scanCode.message never reaches the cashier)',
  level: 'SHOULD',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.reference, quote: 'When replying to a webhook, you can choose to reply with an empty body, or with one or more of the following objects' },
  async run(t) {
    await everyReply(t, (d) => {
      const unknown = d.reply.unknownProperties ?? [];
      if (unknown.length > 0)
        t.fail(`the reply to ${d.event} carries ${unknown.join(', ')}, which the reply objects do not have: the POS drops ${unknown.length > 1 ? 'them' : 'it'} without a word (a typo, or a property of another object?)`, {
          expected: 'only the properties seed 002 documents for each reply object (reply schemas in schemas/mplus/reply/)',
          received: received(d),
        });
    });
  },
});
