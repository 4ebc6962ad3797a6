import type { KopokopoContext } from '../../src/protocol/kopokopo/context.js';
import { check, type CheckDefinition } from '../../src/runner/check.js';

/** Declares a kopokopo check (`profile: 'kopokopo'`, Kopo Kopo's sender as its context). */
export function kopokopoCheck(def: Omit<CheckDefinition<KopokopoContext>, 'profile'>): CheckDefinition<KopokopoContext> {
  return check<KopokopoContext>({ ...def, profile: 'kopokopo' });
}

/** The spec references the kopokopo checks quote. */
export const SPEC = {
  facts: 'spec/README.md#kopo-kopo-facts-beyond-the-seed',
  seed: 'spec/seeds/004 (Kopo Kopo webhook subscriptions)',
} as const;

/** The spec lines the checks quote most. */
export const QUOTE = {
  delivery:
    'Delivery: `POST` to the subscription\'s `url`, JSON body, header `X-KopoKopo-Signature` = lowercase hex `HMAC-SHA256(key = the API key as text, message = the body bytes)`.',
  authenticity: 'You can use the API Key you got when creating an oauth application to validate the authenticity of the webhook request from Kopo Kopo.',
  receivers:
    'No reply code, timeout or retry policy is published: SDK receivers answer 200 on success and 401 on a bad signature.',
  idempotent: 'Receivers: the vendor says deliveries are asynchronous, not ordered, and processing must be idempotent',
  rawBody:
    'A receiver that re-serialises breaks on bodies whose bytes change under parse + stringify (whitespace, key order, `1.0`, escaped unicode): a real, testable defect.',
} as const;

