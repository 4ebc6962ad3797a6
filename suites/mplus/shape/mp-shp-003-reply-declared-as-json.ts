import { declaredJson, everyReply, received } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SHP-003',
  title: 'MUST send a non-empty reply with a JSON Content-Type',
  level: 'MUST',
  area: 'shape',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.transport, quote: 'The integrator answers 200 on success and 400 on error, with a JSON body; an empty body is allowed.' },
  async run(t) {
    await everyReply(t, (d) => {
      if (d.reply.empty) return;
      if (!declaredJson(d))
        t.fail(`the reply to ${d.event} has a body but is not declared as JSON`, {
          expected: 'Content-Type: application/json (parameters such as charset allowed)',
          received: `Content-Type: ${d.reply.contentType ?? '(none)'} on ${received(d)}`,
        });
    });
  },
});
