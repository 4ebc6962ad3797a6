/**
 * The profile registry: each profile's driver, its event catalogue and (loaded only when asked, by `demo`, `serve`
 * and tests) its reference receiver. The library (`certify`) and the CLI both read it; a new profile is one entry.
 */
import type { EventCatalogue } from './runner/subscription.js';
import { HookcertError, HookcertErrorCode } from './errors.js';
import { kopokopoDriver, kopokopoEvents } from './protocol/kopokopo/driver.js';
import { mplusDriver, mplusEvents } from './pos/driver.js';
import { standardWebhooksDriver, standardWebhooksEvents } from './protocol/standard-webhooks/driver.js';
import type { ReceiverSetup } from './reference/mutant.js';
import type { ProfileDriver } from './runner/run.js';
import type { ProfileName } from './runner/types.js';
import type { RequestHandler } from './reference/handler.js';

/** What the CLI needs of a profile. */
export interface ProfileEntry {
  driver: ProfileDriver;
  events: EventCatalogue;
  /** The reference receiver's handlers (loaded on demand: only `demo` and `serve` serve one). */
  reference(setup: ReceiverSetup): Promise<RequestHandler[]>;
}

const PROFILES: Partial<Record<ProfileName, ProfileEntry>> = {
  mplus: { driver: mplusDriver, events: mplusEvents, reference: async (setup) => (await import('./reference/mplus/mutant.js')).mplusReference(setup) },
  kopokopo: { driver: kopokopoDriver, events: kopokopoEvents, reference: async (setup) => (await import('./reference/kopokopo/mutant.js')).kopokopoReference(setup) },
  'standard-webhooks': {
    driver: standardWebhooksDriver,
    events: standardWebhooksEvents,
    reference: async (setup) => (await import('./reference/standard-webhooks/mutant.js')).swReference(setup),
  },
};

/** The profile called `name`. */
export function profile(name: ProfileName): ProfileEntry {
  const p = PROFILES[name];
  if (!p) throw new HookcertError(HookcertErrorCode.USAGE, `the ${name} profile is not available in this version; use --profile mplus`);
  return p;
}

/** The event catalogue of a profile, for the config loader. */
export const catalogues = (name: ProfileName): EventCatalogue => profile(name).events;
