import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../schema/registry.js';
import { kopokopoCatalogue } from './catalogue.js';
import { idOf, payloadArbitrary, withAmounts, withName, type KopokopoCallbackPayload, type KopokopoWebhookPayload } from './payloads.js';

const URL = 'http://127.0.0.1:9/webhooks';
const topics = [...kopokopoCatalogue().topics.values()];
const schemaOf = (name: string) => kopokopoCatalogue().get(name).schema;

describe('generated Kopo Kopo payloads', () => {
  it.each(topics.map((t) => [t.name, t] as const))('%s: valid against its schema, in every shape', (_name, topic) => {
    for (const shape of [{}, { unicode: true, optionalProbability: 1 }, { optionalProbability: 0 }]) {
      for (const p of fc.sample(payloadArbitrary(registry(), topic, URL, shape), { seed: 42, numRuns: 15 })) {
        expect(registry().validate(topic.schema, p)).toEqual([]);
        expect(typeof idOf(topic, p)).toBe('string');
      }
    }
  });

  it('links a webhook to its own event and a callback to the URL it is delivered to', () => {
    const [webhook] = fc.sample(payloadArbitrary(registry(), kopokopoCatalogue().get('customer_created'), URL), { seed: 1, numRuns: 1 }) as KopokopoWebhookPayload[];
    expect(webhook._links.self).toBe(`https://sandbox.kopokopo.com/webhook_events/${webhook.id}`);
    const [callback] = fc.sample(payloadArbitrary(registry(), kopokopoCatalogue().get('callback_incoming_payment'), URL), { seed: 1, numRuns: 1 }) as KopokopoCallbackPayload[];
    expect(callback.data.attributes._links.callback_url).toBe(URL);
    expect(callback.data.attributes._links.self).toMatch(new RegExp(`/incoming_payment/${callback.data.id}$`));
  });

  it('draws both incoming_payment variants, or only the one asked for', () => {
    const topic = kopokopoCatalogue().get('callback_incoming_payment');
    const statuses = new Set(fc.sample(payloadArbitrary(registry(), topic, URL), { seed: 3, numRuns: 40 }).map((p) => (p as KopokopoCallbackPayload).data.attributes.status));
    expect(statuses).toEqual(new Set(['Success', 'Failed']));
    const failed = fc.sample(payloadArbitrary(registry(), topic, URL, { variant: topic.variants[1] }), { seed: 3, numRuns: 10 });
    expect(failed.every((p) => (p as KopokopoCallbackPayload).data.attributes.status === 'Failed')).toBe(true);
    expect(() => payloadArbitrary(registry(), topic, URL, { variant: 'kopokopo/daraja.schema.json' })).toThrow(/not a variant/);
  });

  it('withAmounts sets every decimal-string amount and keeps the payload valid', () => {
    for (const name of ['buygoods_transaction_received', 'settlement_transfer_completed', 'daraja_b2b_transaction_received']) {
      const topic = kopokopoCatalogue().get(name);
      const [p] = fc.sample(payloadArbitrary(registry(), topic, URL, { optionalProbability: 1 }), { seed: 5, numRuns: 1 });
      const big = withAmounts(p, '999999999.99');
      expect(registry().validate(schemaOf(name), big)).toEqual([]);
      expect(JSON.stringify(big)).toContain('"999999999.99"');
      expect(JSON.stringify(big)).not.toMatch(/"(amount|TransAmount)":"(?!999999999\.99)/);
      expect(p).not.toEqual(big); // a copy: the original is untouched
    }
  });

  it('withName sets a name field (or an extra field when there is none), keeping the payload valid', () => {
    const text = 'Wanjikũ 李 🙂';
    const [customer] = fc.sample(payloadArbitrary(registry(), kopokopoCatalogue().get('customer_created'), URL), { seed: 2, numRuns: 1 });
    const named = withName(customer, text) as KopokopoWebhookPayload;
    expect(Object.values(named.event.resource)).toContain(text);
    expect(registry().validate(schemaOf('customer_created'), named)).toEqual([]);
    expect(withName({ a: 1 }, text)).toEqual({ a: 1, hookcert_text: text });
  });
});
