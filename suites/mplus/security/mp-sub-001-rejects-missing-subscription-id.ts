import { expectRejected } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SUB-001',
  title: 'SHOULD reject a request without X-Mplus-Subscription-Id',
  level: 'SHOULD',
  area: 'security',
  spec: { doc: SPEC.subscribe, quote: 'This Subscription ID will be added to the header of every call made to your endpoint URL' },
  order: 'early',
  async run(t) {
    const event = t.pick('startSession', 'scanCode').name;
    const d = await t.deliver(event, t.request(event), { tamper: { subscriptionId: null } });
    expectRejected(t, d, ['NO_SUBSCRIPTION_ID', 'INVALID_SUBSCRIPTION_ID'], `${event} without a subscription id`);
  },
});
