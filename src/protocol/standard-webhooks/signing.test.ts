import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../runner/subscription.js';
import { Secret } from '../../secret.js';
import { signatureHeader, swScheme, type SwForgery } from './signing.js';
import { sign, verifySignatureHeader } from './verify.js';

// The verified vector of spec/README.md, "Standard Webhooks".
const VECTOR = { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: '1614265330', body: Buffer.from('{"test": 2432232314}') };
const KEY = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const sub = { secret: new Secret(KEY) } as Subscription;

describe('Standard Webhooks signing', () => {
  it('signs the verified vector', () => {
    expect(sign(VECTOR, KEY)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(signatureHeader(swScheme(sub), VECTOR, undefined, 1)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  // Every forgery a check expects refused is refused by the official library and by the reference's verifier;
  // every header a check expects accepted is accepted by both.
  const now = String(Math.floor(Date.now() / 1000));
  const parts = { ...VECTOR, timestamp: now };
  const library = (header: string | null) => {
    try {
      new Webhook(KEY).verify(parts.body.toString(), { 'webhook-id': parts.id, 'webhook-timestamp': now, 'webhook-signature': header ?? '' });
      return true;
    } catch {
      return false;
    }
  };
  const REFUSED: SwForgery[] = [
    'missing', 'empty', 'other-body', 'other-id', 'other-timestamp', 'other-key', 'near-key', 'empty-key', 'secret-read-otherwise',
    'untagged', 'other-encoding', { version: 'v2' }, { version: 'v1a' }, { truncated: 31 }, { truncated: 30 }, { truncated: 15 }, { truncated: 3 },
    { header: 'v1,SIGNATURE' }, { several: ['other-key', 'near-key'] },
  ];
  it.each(REFUSED.map((f) => [JSON.stringify(f), f]))('%s is refused by the standardwebhooks library and the reference', (_, f) => {
    const header = signatureHeader(swScheme(sub), parts, f as SwForgery, 7);
    expect(library(header)).toBe(false);
    expect(header !== null && verifySignatureHeader(parts, header, KEY)).toBe(false);
  });
  const ACCEPTED: SwForgery[] = [{ several: ['other-key', 'right'] }, { several: ['right', 'other-key'] }, { several: [{ header: 'v1a,aGVsbG8=' }, 'right'] }];
  it.each(ACCEPTED.map((f) => [JSON.stringify(f), f]))('%s is accepted by the library and the reference', (_, f) => {
    const header = signatureHeader(swScheme(sub), parts, f as SwForgery, 7)!;
    expect(library(header)).toBe(true);
    expect(verifySignatureHeader(parts, header, KEY)).toBe(true);
  });

  it('writes the same forged header for the same seed, and never the secret', () => {
    const a = signatureHeader(swScheme(sub), parts, 'other-key', 42);
    expect(signatureHeader(swScheme(sub), parts, 'other-key', 42)).toBe(a);
    expect(a).not.toContain(KEY.slice(6));
  });
});
