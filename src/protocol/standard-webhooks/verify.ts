import { timingSafeEqual } from 'node:crypto';
import { hmacSha256 } from '../hmac.js';
import { secretKey, signedContent, VERSION, type SignedParts } from './signing.js';

/**
 * The right `v1,` signature text of `parts` under `secret` (`whsec_` + base64).
 *
 * @example sign({ id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: '1614265330', body: Buffer.from('{"test": 2432232314}') },
 *   'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw') === 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
 */
export function sign(parts: SignedParts, secret: string): string {
  return `${VERSION},${hmacSha256(secretKey(secret), signedContent(parts)).toString('base64')}`;
}

/**
 * True when one of the space-separated entries of `header` is the right `v1,` signature of `parts`: entries of
 * another version are skipped (key rotation and asymmetric `v1a` entries share the header), each compared in
 * constant time.
 */
export function verifySignatureHeader(parts: SignedParts, header: string, secret: string): boolean {
  const right = Buffer.from(sign(parts, secret), 'utf8');
  let ok = false;
  for (const entry of header.split(' ')) {
    if (!entry.startsWith(`${VERSION},`)) continue;
    const given = Buffer.from(entry, 'utf8');
    if (given.length === right.length && timingSafeEqual(given, right)) ok = true;
  }
  return ok;
}
