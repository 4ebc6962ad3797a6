import { expectNoServerError } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-ERR-004',
  title: 'MUST answer a correctly signed webhook or callback of a topic it does not know without a 5xx or a hang (new topics appear)',
  level: 'MUST',
  area: 'errors',
  spec: {
    doc: SPEC.facts,
    quote: 'card_transaction_received / _voided / _reversed | (no public fixture) | listed as subscribable event types',
  },
  async run(t) {
    const webhook = t.topicsOf('webhook')[0]?.name;
    const callback = t.topicsOf('callback')[0]?.name;
    if (!webhook && !callback) t.skip('no webhook topic or callback is subscribed');
    if (webhook) {
      // A topic Kopo Kopo may add tomorrow, delivered where the subscribed webhooks go.
      const p = t.webhook(webhook);
      const future = { ...p, topic: 'hookcert_future_topic', event: { ...p.event, type: 'Hookcert Future Event' } };
      expectNoServerError(t, await t.deliver(webhook, future), 'a webhook of the unknown topic hookcert_future_topic');
    }
    if (callback) {
      const p = t.callback(callback);
      const future = { data: { ...p.data, type: 'hookcert_future_callback' } };
      expectNoServerError(t, await t.deliver(callback, future), 'a result callback of the unknown type hookcert_future_callback');
    }
  },
});
