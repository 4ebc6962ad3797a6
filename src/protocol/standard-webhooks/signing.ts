import type { Subscription } from '../../runner/subscription.js';
import { alteredBody, derivedKey, forgedSignature, reserialized, type Forgery, type SignatureScheme } from '../forgery.js';

/**
 * The three headers of a Standard Webhooks delivery (spec README, "Standard Webhooks": "Headers `webhook-id`,
 * `webhook-timestamp` (unix seconds), `webhook-signature` (space-separated `v1,<base64>` entries); signed content
 * `{id}.{timestamp}.{raw body}`").
 */
export const ID_HEADER = 'webhook-id';
export const TIMESTAMP_HEADER = 'webhook-timestamp';
export const SIGNATURE_HEADER = 'webhook-signature';

/** The version tag of the symmetric (HMAC-SHA256) signature. */
export const VERSION = 'v1';

/** What a delivery's signature covers: its id, its timestamp (as sent) and the exact body bytes. */
export interface SignedParts {
  id: string;
  timestamp: string;
  body: Buffer;
}

/** `{id}.{timestamp}.{raw body}`: the content the sender signs. */
export function signedContent(p: SignedParts): Buffer {
  return Buffer.concat([Buffer.from(`${p.id}.${p.timestamp}.`, 'utf8'), p.body]);
}

/** The key bytes of a `whsec_` secret: the base64 after the prefix (the libraries take bare base64 too). */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
}

/**
 * A signature header as a check declares it: every {@link Forgery} of the other profiles (written `v1,<…>`,
 * made over the signed content), and the forms only this header has:
 *
 * - `other-id` / `other-timestamp`: a genuine signature of this body under another `webhook-id` / another
 *   timestamp (a captured signature sent on with fresh headers);
 * - `untagged`: the right MAC in base64 without its `v1,` tag; `{ version }`: the right MAC under another tag;
 * - `{ several }`: space-separated entries, each a forgery or `'right'` (key rotation: one of them valid).
 */
export type SwForgery =
  | Forgery
  | 'other-id'
  | 'other-timestamp'
  | 'untagged'
  | { version: string }
  | { several: Array<Forgery | 'right'> };

/** How Standard Webhooks signs: HMAC-SHA256 of the signed content with the decoded secret, in base64. */
export function swScheme(sub: Subscription): SignatureScheme {
  return {
    key: secretKey(sub.secret.reveal()),
    encoding: 'base64',
    otherEncoding: 'hex',
    otherKey: (seed) => derivedKey(seed, 'standard-webhooks-other-key'),
    // The secret used as its text (`whsec_…` not decoded): the commonest way to get the key wrong.
    keyReadOtherwise: () => Buffer.from(sub.secret.reveal(), 'utf8'),
    otherBody: (content) => withBody(content, (body) => alteredBody(body, (v) => ({ ...v, data: { ...(v.data as object), amount: 999_999_999 } }))),
  };
}

/** Raw header texts: no MAC is written for these. */
const isRawHeader = (f: Forgery): boolean => f === 'missing' || f === 'empty' || (typeof f === 'object' && 'header' in f);

/**
 * The `webhook-signature` header for `parts` under `forged` (`undefined`: the right one), or `null` for no
 * header. `seed` makes a forger's keys deterministic.
 */
export function signatureHeader(scheme: SignatureScheme, parts: SignedParts, forged: SwForgery | undefined, seed: number): string | null {
  const content = signedContent(parts);
  const right = () => `${VERSION},${forgedSignature(scheme, content, undefined, seed)}`;
  if (forged === undefined) return right();
  if (forged === 'other-id') return `${VERSION},${forgedSignature(scheme, signedContent({ ...parts, id: `${parts.id}x` }), undefined, seed)}`;
  if (forged === 'other-timestamp')
    return `${VERSION},${forgedSignature(scheme, signedContent({ ...parts, timestamp: String(Number(parts.timestamp) - 3600) }), undefined, seed)}`;
  if (forged === 'untagged') return forgedSignature(scheme, content, undefined, seed);
  if (forged === 'reserialized') return `${VERSION},${forgedSignature(scheme, signedContent({ ...parts, body: reserialized(parts.body) ?? parts.body }), undefined, seed)}`;
  if (typeof forged === 'object' && 'version' in forged) return `${forged.version},${forgedSignature(scheme, content, undefined, seed)}`;
  if (typeof forged === 'object' && 'several' in forged)
    return forged.several.map((f) => (f === 'right' ? right() : signatureHeader(scheme, parts, f, seed) ?? '')).join(' ');
  const header = forgedSignature(scheme, content, forged, seed);
  return header === null || isRawHeader(forged) ? header : `${VERSION},${header}`;
}

/** `content` (`{id}.{timestamp}.{body}`) with its body changed by `change`. */
function withBody(content: Buffer, change: (body: Buffer) => Buffer): Buffer {
  const first = content.indexOf(0x2e);
  const second = content.indexOf(0x2e, first + 1);
  return Buffer.concat([content.subarray(0, second + 1), change(content.subarray(second + 1))]);
}
