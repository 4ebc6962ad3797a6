import type { RequestHandler } from './handler.js';
import type { ProfileName } from '../runner/types.js';

/** How a reference receiver (or a mutant) is set up. */
export interface ReceiverSetup {
  secret: string;
  secretEncoding: 'base64' | 'utf8';
  /** Subscription ids accepted (mplus); empty accepts any. */
  subscriptionIds: string[];
}

/** A receiver broken in exactly one way, and the checks that must catch it. */
export interface Mutant {
  name: string;
  profile: ProfileName;
  /** What is broken, in one sentence. */
  description: string;
  /** The ids of the checks this mutant must fail. */
  checks: string[];
  /**
   * Checks that must run beside `checks` for them to see the defect: a run-wide check (MP-ERR-005) judges what
   * other checks' exchanges showed. They need not fail.
   */
  alongside?: string[];
  handlers(setup: ReceiverSetup): RequestHandler[];
}
