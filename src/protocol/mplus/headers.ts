import type { Subscription } from '../../config/subscription.js';
import { signMplus } from '../signature.js';

/** The request headers of the MplusKASSA POS (spec README, "Transport"). */
export const HEADER = {
  subscriptionId: 'x-mplus-subscription-id',
  signature: 'x-mplus-signature',
} as const;

/** What a check may change in how a request goes out, to test the endpoint's defences. */
export interface Tamper {
  /** Replace the signature header (`null`: leave it out). */
  signature?: string | null;
  /** Replace the subscription id header (`null`: leave it out). */
  subscriptionId?: string | null;
  /** Replace the Content-Type header (`null`: leave it out). */
  contentType?: string | null;
}

/** The headers the POS sends with `body`: signature over the exact bytes, subscription id, JSON types. */
export function requestHeaders(sub: Subscription, body: Buffer, tamper: Tamper = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const contentType = tamper.contentType === undefined ? 'application/json' : tamper.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  headers.accept = 'application/json';
  const subscriptionId = tamper.subscriptionId === undefined ? sub.subscriptionId : tamper.subscriptionId;
  if (subscriptionId !== null) headers[HEADER.subscriptionId] = subscriptionId;
  const signature = tamper.signature === undefined ? signMplus(body, sub.secret.reveal(), sub.secretEncoding) : tamper.signature;
  if (signature !== null) headers[HEADER.signature] = signature;
  return headers;
}

/** `POST {endpointUrl}/{eventName}` (spec README, "Transport"). */
export function eventUrl(base: string, event: string): string {
  return `${base.replace(/\/+$/, '')}/${event}`;
}
