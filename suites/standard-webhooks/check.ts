import type { SwContext } from '../../src/protocol/standard-webhooks/context.js';
import { check, type CheckDefinition } from '../../src/runner/check.js';

/** Declares a standard-webhooks check (`profile: 'standard-webhooks'`, a Standard Webhooks sender as its context). */
export function swCheck(def: Omit<CheckDefinition<SwContext>, 'profile'>): CheckDefinition<SwContext> {
  return check<SwContext>({ ...def, profile: 'standard-webhooks' });
}

/** The spec reference the checks quote. */
export const SPEC = { facts: 'spec/README.md#standard-webhooks-a-generic-profile-for-later' } as const;

/** The spec lines the checks quote most (spec README, "Standard Webhooks"). */
export const QUOTE = {
  headers:
    'Headers `webhook-id`, `webhook-timestamp` (unix seconds), `webhook-signature` (space-separated `v1,<base64>` entries); signed content `{id}.{timestamp}.{raw body}`; secret `whsec_` + base64 of the key',
  several: '`webhook-signature` (space-separated `v1,<base64>` entries)',
  tolerance: 'receivers enforce a timestamp tolerance (the reference library: 5 minutes)',
  idempotency: 'and treat `webhook-id` as the idempotency key',
  replies: '2xx success, 410 to disable, 429/502/504 to slow down',
  rawBody: 'signed content `{id}.{timestamp}.{raw body}`: a receiver that re-serialises the body before verifying breaks on bodies whose bytes change under parse + stringify',
} as const;

/** Every subscribed event type, or a skip when none is. */
export function typesOf(t: SwContext): string[] {
  const types = t.eventTypes().map((e) => e.type);
  if (types.length === 0) t.skip('no event type is subscribed');
  return types;
}
