import type { MplusContext } from '../../src/pos/context.js';
import { check, type CheckDefinition } from '../../src/runner/check.js';

/** Declares an mplus check (`profile: 'mplus'`, the POS simulator as its context). */
export function mplusCheck(def: Omit<CheckDefinition<MplusContext>, 'profile'>): CheckDefinition<MplusContext> {
  return check<MplusContext>({ ...def, profile: 'mplus' });
}

/** The spec references checks quote. */
export const SPEC = {
  signature: 'spec/README.md#signature-verified-test-vector',
  transport: 'spec/README.md#transport',
  errorCodes: 'spec/README.md#error-codes-vendor-page-the-list-is-cut-off-at-the-end',
  subscribe: 'spec/seeds/000 (How to subscribe)',
  reference: 'spec/seeds/002 (JSON reference)',
  polling: 'spec/seeds/003 (Polling)',
} as const;
