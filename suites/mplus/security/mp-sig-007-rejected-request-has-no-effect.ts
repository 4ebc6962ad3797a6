import { received, replyObject } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-007',
  title: 'MUST let a rejected request have no effect on later events',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'Secret Key: This key is used to verify the HMAC signature.' },
  order: 'early',
  async run(t) {
    const event = t.pick('startSession', 'scanCode', 'addSessionLine').name;
    const request = t.request(event);
    // 1. The reply to this request, delivered correctly.
    const before = await t.deliver(event, request);
    // 2. The same content as a new event, forged (another key); then 3. that very event, correctly signed.
    const forged = await t.deliver(event, request, { forged: 'other-key' });
    const after = await t.redeliver(forged);
    const keys = (d: typeof before) => Object.keys(replyObject(d)).sort().join(',');
    const statusClass = (d: typeof before) => Math.floor((d.reply.status ?? 0) / 100);
    if (statusClass(before) !== statusClass(after) || keys(before) !== keys(after))
      t.fail('a forged request changed how the endpoint answers the genuine one that follows (it acted on the forged request before verifying it)', {
        expected: `the same kind of reply as before the forgery: ${received(before)}`,
        received: received(after),
      });
  },
});
