import { expectRejected } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SUB-002',
  title: 'SHOULD reject a request with an unknown X-Mplus-Subscription-Id',
  level: 'SHOULD',
  area: 'security',
  spec: { doc: SPEC.errorCodes, quote: 'NO_SUBSCRIPTION_ID, INVALID_SUBSCRIPTION_ID' },
  order: 'early',
  appliesTo: (sub) => sub.subscriptionIdKnown || 'the subscription id is not known: pass --subscription-id to check that other ids are refused',
  async run(t) {
    const event = t.pick('startSession', 'scanCode').name;
    const d = await t.deliver(event, t.request(event), { tamper: { subscriptionId: `${t.sub.subscriptionId}-unknown` } });
    expectRejected(t, d, ['INVALID_SUBSCRIPTION_ID'], `${event} with an unknown subscription id`);
  },
});
