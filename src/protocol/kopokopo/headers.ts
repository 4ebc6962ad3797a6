import type { Subscription } from '../../config/subscription.js';
import { signKopokopo } from '../signature.js';

/**
 * The header Kopo Kopo signs deliveries with (spec README, "Kopo Kopo: facts beyond the seed": "header
 * `X-KopoKopo-Signature` = lowercase hex `HMAC-SHA256(key = the API key as text, message = the body bytes)`").
 */
export const SIGNATURE_HEADER = 'x-kopokopo-signature';

/** What a check may change in how a delivery goes out, to test the receiver's defences. */
export interface Tamper {
  /** Replace the signature header (`null`: leave it out). */
  signature?: string | null;
  /** Replace the Content-Type header (`null`: leave it out). */
  contentType?: string | null;
  /** Sign these bytes instead of the body (a signature that is genuine, but of other bytes). */
  signedBytes?: Buffer;
  /** Sign with this key instead of the subscription's API key. */
  apiKey?: string;
}

/**
 * The headers of a delivery: `Content-Type: application/json` and the signature over the exact bytes of
 * `body`, keyed with the API key as text. `sub.secretEncoding` plays no part: Kopo Kopo never decodes the key.
 */
export function deliveryHeaders(sub: Subscription, body: Buffer, tamper: Tamper = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const contentType = tamper.contentType === undefined ? 'application/json' : tamper.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  headers.accept = 'application/json';
  const signature =
    tamper.signature === undefined ? signKopokopo(tamper.signedBytes ?? body, tamper.apiKey ?? sub.secret.reveal()) : tamper.signature;
  if (signature !== null) headers[SIGNATURE_HEADER] = signature;
  return headers;
}

/** Where a topic is delivered: its own URL from the config file (`topics`), else the subscription's URL. */
export function topicUrl(sub: Subscription, name: string): string {
  return sub.topicUrls[name] ?? sub.url;
}
