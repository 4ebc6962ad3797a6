import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../runner/subscription.js';
import { Secret } from '../../secret.js';
import { forgedSignature } from '../forgery.js';
import { deliveryHeaders, kopokopoScheme, SIGNATURE_HEADER, topicUrl } from './headers.js';

// spec/README.md, "Kopo Kopo: facts beyond the seed", verified vector.
const API_KEY = '8463vr8472a2372763787b7dec3dbe49879323gg32';
const BODY =
  '{"topic":"customer_created","id":"f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c","created_at":"2020-10-29T08:49:02+03:00","event":{"type":"Customer Created","resource":{"last_name":"Doe","first_name":"Jane","middle_name":"M","phone_number":"+254999999999"}},"_links":{"self":"https://sandbox.kopokopo.com/webhook_events/f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c","resource":"https://sandbox.kopokopo.com/mobile_money_user/8248a689-490e-4196-930a-db5fcbe58f6c"}}';
const SIG = 'e519084b3af1086a9d08cfe4665a5f72a3cb67784bb6b3b92435b9b32e7d9e02';

const sub = (secretEncoding: 'base64' | 'utf8', topicUrls: Record<string, string> = {}): Subscription => ({
  profile: 'kopokopo',
  url: 'https://merchant.example/k2',
  subscriptionId: 'hookcert',
  subscriptionIdKnown: false,
  secret: new Secret(API_KEY),
  secretEncoding,
  events: [],
  topicUrls,
});

describe('Kopo Kopo delivery headers', () => {
  it('sign the README vector with the API key as text, whatever secretEncoding says', () => {
    for (const enc of ['utf8', 'base64'] as const) {
      const h = deliveryHeaders(forgedSignature(kopokopoScheme(sub(enc)), Buffer.from(BODY, 'utf8'), undefined, 1));
      expect(h[SIGNATURE_HEADER]).toBe(SIG);
      expect(h['content-type']).toBe('application/json');
    }
  });

  it('forge: leave out or empty the signature, change the content type, sign other bytes or with another key', () => {
    const body = Buffer.from(BODY, 'utf8');
    const forge = (f: Parameters<typeof forgedSignature>[2], bytes = body) => forgedSignature(kopokopoScheme(sub('utf8')), bytes, f, 1);
    expect(deliveryHeaders(forge('missing'))).not.toHaveProperty(SIGNATURE_HEADER);
    expect(deliveryHeaders(forge('empty'))[SIGNATURE_HEADER]).toBe('');
    expect(deliveryHeaders(forge(undefined), { contentType: null })).not.toHaveProperty('content-type');
    expect(forge('other-body')).toMatch(/^[0-9a-f]{64}$/);
    expect(forge('other-body')).not.toBe(SIG);
    expect(forge('other-key')).not.toBe(SIG);
    expect(forge('other-key')).toBe(forgedSignature(kopokopoScheme(sub('utf8')), body, 'other-key', 1)); // deterministic
    expect(forge('near-key')).not.toBe(SIG);
  });

  it('deliver to the topic URL of the config file, else to the subscription URL', () => {
    const s = sub('utf8', { customer_created: 'https://merchant.example/k2/customers' });
    expect(topicUrl(s, 'customer_created')).toBe('https://merchant.example/k2/customers');
    expect(topicUrl(s, 'buygoods_transaction_received')).toBe('https://merchant.example/k2');
  });
});
