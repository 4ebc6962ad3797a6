import type { RequestHandler } from '../handler.js';
import type { Mutant, ReceiverSetup } from '../mutant.js';
import { newReceiverState, referenceStages, swHandlers, type Stages } from './receiver.js';

/** The correct Standard Webhooks receiver's handlers; the setup's secret is `whsec_` + base64. */
export function swReference(setup: ReceiverSetup): RequestHandler[] {
  return swHandlers(referenceStages(setup.secret), newReceiverState());
}

/** Declares a standard-webhooks mutant: the reference with its stages changed by `break` (once per served receiver). */
export function swMutant(def: { name: string; description: string; checks: string[]; alongside?: string[]; break: (reference: Stages, secret: string) => Stages }): Mutant {
  return {
    name: def.name,
    profile: 'standard-webhooks',
    description: def.description,
    checks: def.checks,
    ...(def.alongside ? { alongside: def.alongside } : {}),
    handlers: (setup) => swHandlers(def.break(referenceStages(setup.secret), setup.secret), newReceiverState()),
  };
}
