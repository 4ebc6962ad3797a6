import type { Subscription } from '../../runner/subscription.js';
import { alteredBody, derivedKey, type SignatureScheme } from '../forgery.js';
import { withAmounts } from './payloads.js';

/**
 * The header Kopo Kopo signs deliveries with (spec README, "Kopo Kopo: facts beyond the seed": "header
 * `X-KopoKopo-Signature` = lowercase hex `HMAC-SHA256(key = the API key as text, message = the body bytes)`").
 */
export const SIGNATURE_HEADER = 'x-kopokopo-signature';

/** Headers other than the signature that a check may change (the signature: `forged`). */
export interface Tamper {
  /** Replace the Content-Type header (`null`: leave it out). */
  contentType?: string | null;
}

/**
 * The headers of a delivery: `Content-Type: application/json` and `signature` (computed over the exact bytes
 * of the body, or forged; `null` leaves it out).
 */
export function deliveryHeaders(signature: string | null, tamper: Tamper = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const contentType = tamper.contentType === undefined ? 'application/json' : tamper.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  headers.accept = 'application/json';
  if (signature !== null) headers[SIGNATURE_HEADER] = signature;
  return headers;
}

/**
 * How Kopo Kopo signs: lowercase hex HMAC-SHA256 keyed with the API key as text (`sub.secretEncoding` plays no
 * part: Kopo Kopo never decodes the key). A body altered in transit has its amounts raised.
 */
export function kopokopoScheme(sub: Subscription): SignatureScheme {
  return {
    key: Buffer.from(sub.secret.reveal(), 'utf8'),
    encoding: 'hex',
    otherEncoding: 'base64',
    // Another application's API key: 40 characters of text, like Kopo Kopo's.
    otherKey: (seed) => Buffer.from(derivedKey(seed, 'kopokopo-other-key').subarray(0, 20).toString('hex'), 'utf8'),
    otherBody: (body) => alteredBody(body, (v) => withAmounts(v, '999999.0')),
  };
}

/** Where a topic is delivered: its own URL from the config file (`topics`), else the subscription's URL. */
export function topicUrl(sub: Subscription, name: string): string {
  return sub.topicUrls[name] ?? sub.url;
}
