import type { Subscription } from '../../runner/subscription.js';
import { alteredBody, derivedKey, type SignatureScheme } from '../forgery.js';
import { decodeSecret } from '../signature.js';

/** The request headers of the MplusKASSA POS (spec README, "Transport"). */
export const HEADER = {
  subscriptionId: 'x-mplus-subscription-id',
  signature: 'x-mplus-signature',
} as const;

/** Headers other than the signature that a check may change, to test the endpoint's defences (the signature: `forged`). */
export interface Tamper {
  /** Replace the subscription id header (`null`: leave it out). */
  subscriptionId?: string | null;
  /** Replace the Content-Type header (`null`: leave it out). */
  contentType?: string | null;
}

/**
 * The headers the POS sends: `signature` (computed over the exact body bytes, or forged; `null` leaves it out),
 * the subscription id and the JSON types.
 */
export function requestHeaders(sub: Subscription, signature: string | null, tamper: Tamper = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const contentType = tamper.contentType === undefined ? 'application/json' : tamper.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  headers.accept = 'application/json';
  const subscriptionId = tamper.subscriptionId === undefined ? sub.subscriptionId : tamper.subscriptionId;
  if (subscriptionId !== null) headers[HEADER.subscriptionId] = subscriptionId;
  if (signature !== null) headers[HEADER.signature] = signature;
  return headers;
}

/**
 * How the POS signs (spec README, "Signature"): base64 of HMAC-SHA256 keyed with the decoded secret (or its
 * text, `--secret-encoding utf8`). A body altered in transit is the same request with another `eventCounter`.
 */
export function mplusScheme(sub: Subscription): SignatureScheme {
  let scheme = schemes.get(sub);
  if (!scheme) schemes.set(sub, (scheme = buildScheme(sub)));
  return scheme;
}

/** One scheme per subscription: every delivery signs with it, and decoding the secret each time is waste. */
const schemes = new WeakMap<Subscription, SignatureScheme>();

function buildScheme(sub: Subscription): SignatureScheme {
  const other = sub.secretEncoding === 'base64' ? 'utf8' : 'base64';
  return {
    key: decodeSecret(sub.secret.reveal(), sub.secretEncoding),
    encoding: 'base64',
    otherEncoding: 'hex',
    otherKey: (seed) => derivedKey(seed, 'mplus-other-key'),
    keyReadOtherwise() {
      try {
        return decodeSecret(sub.secret.reveal(), other);
      } catch {
        return undefined; // a text secret that is not base64 has no other reading
      }
    },
    otherBody: (body) =>
      alteredBody(body, (v) => {
        const event = v.event as { eventCounter?: unknown } | undefined;
        return typeof event?.eventCounter === 'number' ? { ...v, event: { ...event, eventCounter: event.eventCounter + 1 } } : v;
      }),
  };
}

/** `POST {endpointUrl}/{eventName}` (spec README, "Transport"). Made once per endpoint and event: every delivery asks. */
export function eventUrl(base: string, event: string): string {
  let perEvent = urls.get(base);
  if (!perEvent) urls.set(base, (perEvent = new Map()));
  let url = perEvent.get(event);
  if (url === undefined) perEvent.set(event, (url = `${base.replace(/\/+$/, '')}/${event}`));
  return url;
}

/** The URLs made by {@link eventUrl}: a run has one or a few endpoints, a few dozen events each. */
const urls = new Map<string, Map<string, string>>();
