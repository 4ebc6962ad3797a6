import { describe, expect, it } from 'vitest';
import { registry } from '../../schema/registry.js';
import { kopokopoCatalogue, topicName } from './catalogue.js';

describe('the Kopo Kopo catalogue', () => {
  const cat = kopokopoCatalogue();

  it('names every topic of schemas/kopokopo/topics.json once: webhooks by topic, then daraja_* and callback_*', () => {
    const names = cat.names();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(20);
    expect(names.slice(0, 10)).toContain('buygoods_transaction_received');
    expect(names).toContain('daraja_buygoods_transaction_received');
    expect(names).toContain('daraja_b2b_transaction_received');
    expect(names).toContain('callback_incoming_payment');
    expect(names.filter((n) => cat.get(n).kind === 'callback').every((n) => n.startsWith('callback_'))).toBe(true);
  });

  it('keeps the wire name apart from the name: topic of a webhook, data.type of a callback', () => {
    expect(cat.get('daraja_buygoods_transaction_received').topic).toBe('buygoods_transaction_received');
    expect(cat.get('callback_transaction_sms_notification').topic).toBe('transaction_sms_notification');
    expect(topicName('webhook', 'customer_created')).toBe('customer_created');
    expect(topicName('callback', 'payment')).toBe('callback_payment');
  });

  it('splits incoming_payment into its success and failure variants, every other topic has one', () => {
    expect(cat.get('callback_incoming_payment').variants).toEqual([
      'kopokopo/callbacks/incoming_payment_success.schema.json',
      'kopokopo/callbacks/incoming_payment_failure.schema.json',
    ]);
    for (const t of cat.topics.values()) {
      if (t.name !== 'callback_incoming_payment') expect(t.variants).toEqual([t.schema]);
      for (const v of t.variants) expect(() => registry().validator(v)).not.toThrow();
    }
  });

  it('refuses an unknown name with a message that says where the topics are', () => {
    expect(() => cat.get('buygoods')).toThrow(/schemas\/kopokopo\/topics\.json/);
  });
});
