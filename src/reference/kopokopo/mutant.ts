import type { RequestHandler } from '../handler.js';
import type { Mutant, ReceiverSetup } from '../mutant.js';
import { kopokopoHandlers, newReceiverState, referenceStages, type Stages } from './receiver.js';

/** The correct Kopo Kopo receiver's handlers; the setup's secret is the API key (used as text, never decoded). */
export function kopokopoReference(setup: ReceiverSetup): RequestHandler[] {
  return kopokopoHandlers(referenceStages(setup.secret), newReceiverState());
}

/** Declares a kopokopo mutant: the reference with its stages changed by `break` (called once per served receiver). */
export function kopokopoMutant(def: {
  name: string;
  description: string;
  checks: string[];
  break: (reference: Stages, apiKey: string) => Stages;
}): Mutant {
  return {
    name: def.name,
    profile: 'kopokopo',
    description: def.description,
    checks: def.checks,
    handlers: (setup) => kopokopoHandlers(def.break(referenceStages(setup.secret), setup.secret), newReceiverState()),
  };
}
