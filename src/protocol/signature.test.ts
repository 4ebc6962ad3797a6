import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import { decodeSecret, signKopokopo, signMplus, verifyKopokopo, verifyMplus } from './signature.js';

// spec/README.md, "Signature (verified test vector)".
const MPLUS_SECRET = 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0=';
const MPLUS_SIG_BASE64_KEY = 'EBFFIb5qPH/teEFmjtwcIj6h80cl+X1DUy62D46tnu8=';
const MPLUS_SIG_UTF8_KEY = 'pKDrmsKUDJ7QeDwyOMtUcEi9aBl+BTnzxYIHSqjbfk4=';

// spec/README.md, "Kopo Kopo: facts beyond the seed", verified vector (447-byte compact JSON).
const K2_API_KEY = '8463vr8472a2372763787b7dec3dbe49879323gg32';
const K2_BODY =
  '{"topic":"customer_created","id":"f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c","created_at":"2020-10-29T08:49:02+03:00","event":{"type":"Customer Created","resource":{"last_name":"Doe","first_name":"Jane","middle_name":"M","phone_number":"+254999999999"}},"_links":{"self":"https://sandbox.kopokopo.com/webhook_events/f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c","resource":"https://sandbox.kopokopo.com/mobile_money_user/8248a689-490e-4196-930a-db5fcbe58f6c"}}';
const K2_SIG = 'e519084b3af1086a9d08cfe4665a5f72a3cb67784bb6b3b92435b9b32e7d9e02';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('MplusKASSA signature', () => {
  it('matches the verified vector with the base64-decoded key (the default)', () => {
    expect(signMplus('test', MPLUS_SECRET)).toBe(MPLUS_SIG_BASE64_KEY);
    expect(signMplus(bytes('test'), MPLUS_SECRET, 'base64')).toBe(MPLUS_SIG_BASE64_KEY);
    expect(verifyMplus('test', MPLUS_SIG_BASE64_KEY, MPLUS_SECRET, 'base64')).toBe(true);
  });

  it('matches the verified vector with the secret used as UTF-8 text', () => {
    expect(signMplus('test', MPLUS_SECRET, 'utf8')).toBe(MPLUS_SIG_UTF8_KEY);
    expect(verifyMplus(bytes('test'), MPLUS_SIG_UTF8_KEY, MPLUS_SECRET, 'utf8')).toBe(true);
  });

  it('does not verify a signature made with the other key encoding', () => {
    expect(verifyMplus('test', MPLUS_SIG_UTF8_KEY, MPLUS_SECRET, 'base64')).toBe(false);
    expect(verifyMplus('test', MPLUS_SIG_BASE64_KEY, MPLUS_SECRET, 'utf8')).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['truncated', MPLUS_SIG_BASE64_KEY.slice(0, -1)],
    ['unpadded', MPLUS_SIG_BASE64_KEY.replace(/=+$/, '')],
    ['base64url re-encoded', MPLUS_SIG_BASE64_KEY.replace(/\+/g, '-').replace(/\//g, '_')],
    ['hex re-encoded', Buffer.from(MPLUS_SIG_BASE64_KEY, 'base64').toString('hex')],
    ['one character changed', `A${MPLUS_SIG_BASE64_KEY.slice(1)}`],
    ['longer', `${MPLUS_SIG_BASE64_KEY}A`],
    ['a placeholder', 'SIGNATURE'],
  ])('rejects a %s signature without throwing', (_name, signature) => {
    expect(verifyMplus('test', signature, MPLUS_SECRET)).toBe(false);
  });

  it('rejects the right signature over a different body', () => {
    expect(verifyMplus('test ', MPLUS_SIG_BASE64_KEY, MPLUS_SECRET)).toBe(false);
    expect(verifyMplus('', MPLUS_SIG_BASE64_KEY, MPLUS_SECRET)).toBe(false);
  });
});

describe('decodeSecret', () => {
  it('decodes standard base64, ignoring whitespace', () => {
    expect(decodeSecret(` ${MPLUS_SECRET.slice(0, 20)}\n${MPLUS_SECRET.slice(20)} `, 'base64')).toEqual(
      Buffer.from(MPLUS_SECRET, 'base64'),
    );
    expect(decodeSecret(MPLUS_SECRET, 'utf8')).toEqual(Buffer.from(MPLUS_SECRET, 'utf8'));
  });

  it.each([
    ['base64url', 'eFc5HrxwLbONJ-EYXrbHB-a9HueYIQzotgKRLRVAfx0='],
    ['unpadded base64', 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0'],
    ['a plain text key', 'my-webhook-secret!'],
    ['padding in the middle', 'eFc5Hr==LbONJ+EYXrbHB+a9HueYIQzotgKRLRVAfx0='],
    ['too much padding', 'eFc5HrxwLbONJ+EYXrbHB+a9HueYIQzotgKRLRVA===='],
  ])('refuses %s with HOOKCERT_ERR_SECRET_ENCODING and a message that never quotes the secret', (_name, secret) => {
    let caught: unknown;
    try {
      decodeSecret(secret, 'base64');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HookcertError);
    const err = caught as HookcertError;
    expect(err.code).toBe('HOOKCERT_ERR_SECRET_ENCODING');
    expect(err.code).toBe(HookcertErrorCode.SECRET_ENCODING);
    expect(err.message).toMatch(/not valid base64/);
    expect(err.message).toMatch(/--secret-encoding utf8/);
    expect(err.message).toMatch(/base64url/);
    expect(err.message).not.toContain(secret);
    expect(err.message).not.toContain(secret.slice(0, 8));
    // The same text is a perfectly good key when used as text.
    expect(() => signMplus('x', secret, 'utf8')).not.toThrow();
  });

  it('refuses an empty secret with HOOKCERT_ERR_SECRET_EMPTY', () => {
    expect(() => decodeSecret('  ', 'base64')).toThrow(expect.objectContaining({ code: 'HOOKCERT_ERR_SECRET_EMPTY' }));
    expect(() => decodeSecret('', 'utf8')).toThrow(expect.objectContaining({ code: 'HOOKCERT_ERR_SECRET_EMPTY' }));
  });

  it('makes verifyMplus throw on a bad secret rather than report a bad signature', () => {
    expect(() => verifyMplus('test', MPLUS_SIG_BASE64_KEY, 'not base64!')).toThrow(HookcertError);
  });
});

describe('Kopo Kopo signature', () => {
  it('matches the verified vector over the exact 447-byte body', () => {
    expect(Buffer.byteLength(K2_BODY, 'utf8')).toBe(447);
    expect(signKopokopo(K2_BODY, K2_API_KEY)).toBe(K2_SIG);
    expect(signKopokopo(bytes(K2_BODY), K2_API_KEY)).toBe(K2_SIG);
    expect(verifyKopokopo(K2_BODY, K2_SIG, K2_API_KEY)).toBe(true);
  });

  it('breaks when the body is re-serialised with different bytes', () => {
    const pretty = JSON.stringify(JSON.parse(K2_BODY), null, 2);
    expect(verifyKopokopo(pretty, K2_SIG, K2_API_KEY)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['truncated', K2_SIG.slice(0, 63)],
    ['uppercase (the vendor sends lowercase)', K2_SIG.toUpperCase()],
    ['base64 re-encoded', Buffer.from(K2_SIG, 'hex').toString('base64')],
    ['prefixed', `sha256=${K2_SIG}`],
    ['one digit changed', `f${K2_SIG.slice(1)}`],
  ])('rejects a %s signature without throwing', (_name, signature) => {
    expect(verifyKopokopo(K2_BODY, signature, K2_API_KEY)).toBe(false);
  });

  it('rejects the right signature under a different API key', () => {
    expect(verifyKopokopo(K2_BODY, K2_SIG, `${K2_API_KEY}x`)).toBe(false);
  });
});

describe('sign → verify properties', () => {
  const body = fc.uint8Array({ minLength: 1, maxLength: 512 });
  const base64Secret = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((k) => Buffer.from(k).toString('base64'));
  const textSecret = fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' });
  /** A body with one byte changed: index and a non-zero XOR mask. */
  const flip = (b: Uint8Array, index: number, mask: number): Uint8Array => {
    const copy = Uint8Array.from(b);
    copy[index % copy.length] ^= mask;
    return copy;
  };
  const mask = fc.integer({ min: 1, max: 255 });

  it('MplusKASSA (base64 key) round-trips and detects any flipped byte', () => {
    fc.assert(
      fc.property(body, base64Secret, fc.nat(), mask, (b, secret, index, m) => {
        const sig = signMplus(b, secret, 'base64');
        expect(verifyMplus(b, sig, secret, 'base64')).toBe(true);
        expect(verifyMplus(flip(b, index, m), sig, secret, 'base64')).toBe(false);
      }),
    );
  });

  it('MplusKASSA (UTF-8 key) round-trips and detects any flipped byte', () => {
    fc.assert(
      fc.property(body, textSecret, fc.nat(), mask, (b, secret, index, m) => {
        const sig = signMplus(b, secret, 'utf8');
        expect(verifyMplus(b, sig, secret, 'utf8')).toBe(true);
        expect(verifyMplus(flip(b, index, m), sig, secret, 'utf8')).toBe(false);
      }),
    );
  });

  it('Kopo Kopo round-trips, is lowercase hex, and detects any flipped byte', () => {
    fc.assert(
      fc.property(body, textSecret, fc.nat(), mask, (b, apiKey, index, m) => {
        const sig = signKopokopo(b, apiKey);
        expect(sig).toMatch(/^[0-9a-f]{64}$/);
        expect(verifyKopokopo(b, sig, apiKey)).toBe(true);
        expect(verifyKopokopo(flip(b, index, m), sig, apiKey)).toBe(false);
      }),
    );
  });
});
