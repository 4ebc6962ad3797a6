import type { MplusReply } from '../../generated/mplus/reply.js';
import type { RequestHandler } from '../handler.js';
import type { Mutant, ReceiverSetup } from '../mutant.js';
import { mplusHandlers, newReplyState, referenceStages, type Body, type Stages } from './receiver.js';

/** The correct mplus receiver's handlers. */
export function mplusReference(setup: ReceiverSetup): RequestHandler[] {
  return mplusHandlers(referenceStages(setup), newReplyState());
}

/** Declares an mplus mutant: the reference with its stages changed by `break`. */
export function mplusMutant(def: {
  name: string;
  description: string;
  checks: string[];
  alongside?: string[];
  break: (reference: Stages, setup: ReceiverSetup) => Stages;
}): Mutant {
  return {
    name: def.name,
    profile: 'mplus',
    description: def.description,
    checks: def.checks,
    ...(def.alongside ? { alongside: def.alongside } : {}),
    handlers: (setup) => mplusHandlers(def.break(referenceStages(setup), setup), newReplyState()),
  };
}

/** The reference's stages with every reply to a valid event passed through `change` (a copy, per request). */
export function changeReplies(ref: Stages, change: (event: string, reply: MplusReply, body: Body) => Record<string, unknown>): Stages {
  return {
    ...ref,
    async reply(event, body, state) {
      const out = await ref.reply(event, body, state);
      const reply = change(event, structuredClone(out.reply ?? {}), body);
      return Object.keys(reply).length > 0 ? { ...out, reply } : { ...out, reply: undefined };
    },
  };
}
