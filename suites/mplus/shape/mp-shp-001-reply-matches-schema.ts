import { everyReply, received, replyProblems } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SHP-001',
  title: 'MUST answer with an empty body or a JSON object valid against the reply schema',
  level: 'MUST',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.reference, quote: 'When replying to a webhook, you can choose to reply with an empty body, or with one or more of the following objects' },
  async run(t) {
    await everyReply(t, (d) => {
      const problem = replyProblems(d);
      if (problem) t.fail(`the reply to ${d.event} is not a valid MplusKASSA reply: ${problem}`, { expected: 'an empty body, or a JSON object of the documented reply objects', received: received(d) });
    });
  },
});
