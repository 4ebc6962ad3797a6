import { everyReply, received, replyObject } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SHP-007',
  title: 'SHOULD send only documented reply objects',
  level: 'SHOULD',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.reference, quote: 'When replying to a webhook, you can choose to reply with an empty body, or with one or more of the following objects' },
  async run(t) {
    const known = new Set<string>(t.catalogue.names().flatMap((e) => t.catalogue.get(e).replyObjects));
    await everyReply(t, (d) => {
      const unknown = Object.keys(replyObject(d)).filter((k) => !known.has(k));
      if (unknown.length > 0)
        t.fail(`the reply to ${d.event} carries ${unknown.join(', ')}, which the POS does not know (a typo?) and ignores`, {
          expected: `only documented objects: ${[...known].sort().join(', ')}`,
          received: received(d),
        });
    });
  },
});
