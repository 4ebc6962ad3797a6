import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from './hmac.js';

describe('hmacSha256', () => {
  it('gives the bytes createHmac gives, for any key and message (text or bytes, short or past the scratch buffer)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ unit: 'binary' })), (key, message) => {
        expect(hmacSha256(key, message)).toEqual(createHmac('sha256', key).update(message).digest());
      }),
    );
    const big = randomBytes(70 * 1024);
    expect(hmacSha256('k', big)).toEqual(createHmac('sha256', 'k').update(big).digest());
  });

  it("keeps no state between keys: each key's MAC is its own, used in any order", () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const body = Buffer.from('{"x":1}');
    for (const k of [a, b, a, b]) expect(hmacSha256(k, body)).toEqual(createHmac('sha256', k).update(body).digest());
    // A key changed in place after use is a new key.
    a[0] ^= 1;
    expect(hmacSha256(a, body)).toEqual(createHmac('sha256', a).update(body).digest());
    // More keys than it keeps pads for, then the first again.
    const many = Array.from({ length: 12 }, () => randomBytes(16));
    for (const k of [...many, many[0]]) expect(hmacSha256(k, body)).toEqual(createHmac('sha256', k).update(body).digest());
  });
});
