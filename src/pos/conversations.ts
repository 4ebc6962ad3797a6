import type { ReplyObject } from '../generated/mplus/events.js';
import type { MplusReplyForm } from '../generated/mplus/reply/form.js';
import fc from 'fast-check';
import { CASE_LANES, type MplusContext } from './context.js';
import { validSelections } from './dialog.js';
import { notReached, probe, tillFor } from './flows.js';
import { cancelledFormAnswer, unfillableFields, validFormAnswers, type FormAnswer } from './form.js';
import type { Conversation, Responder } from './till.js';

/**
 * Property runs over the conversations an endpoint opens (a dialog, a form): the requests that got one are
 * found first ({@link probe}), then each case replays one of them and answers what it asks with values
 * fast-check draws from what was asked (`fc.gen`), so a failure shrinks and replays from its seed and path.
 */

/**
 * Draws a value from the arbitrary `build(...args)` built from what the endpoint sent (a dialog's options, a
 * form's fields): `fc.gen`'s own function. `build` must be a named, stable function (not a fresh closure per
 * call): fast-check shrinks a drawn value through the builder that drew it.
 */
export type Draw = fc.GeneratorValue;

/**
 * A POS user who answers every dialog and form validly, with values drawn by `draw`. A form with a required
 * field hookcert cannot fill in (a regex it cannot generate from, constraints nothing meets) is cancelled, as a
 * POS user who cannot fill it in would: submitting made-up values would blame the endpoint for refusing them.
 */
export function validResponder(draw: Draw): Responder {
  return {
    dialog: (dialog) => draw(validSelections, dialog),
    form: (form) => fillable(form, () => draw(validFormAnswers, form)),
  };
}

function fillable(form: MplusReplyForm, fill: () => FormAnswer): FormAnswer {
  return unfillableFields(form).length > 0 ? cancelledFormAnswer(form) : fill();
}

/** What a conversation property found and ran. */
export interface ConversationRun {
  /** Requests of each event that opened the conversation. */
  found: number;
  /** Cases run. */
  cases: number;
}

/**
 * For `object` ('dialog' or 'form'): finds requests whose reply asks it, then runs `runs` cases, each
 * replaying one with a fresh session and the {@link Responder} `responder(draw)`, judged by `judge`.
 * Skips the check when no reply asked for `object`.
 */
export async function conversationProperty(
  t: MplusContext,
  object: 'dialog' | 'form',
  responder: (draw: Draw) => Responder,
  judge: (conv: Conversation) => void,
  runs = Math.max(4, t.options.runs),
): Promise<ConversationRun> {
  const found = await probe(t, object);
  if (found.length === 0) t.skip(notReached(t, object, `no reply carried a ${object}`, `tried generated requests of ${eventsTried(t, object) || 'no event'}`));
  let cases = 0;
  await t.property(
    fc.record({ conversation: fc.nat({ max: found.length - 1 }), answers: fc.gen() }),
    async ({ conversation, answers }) => {
      // The drawn answers are part of the counterexample the report shows.
      (answers as unknown as { toJSON: () => unknown }).toJSON = () => answers.values();
      const { event, template } = found[conversation];
      const { till } = tillFor(t, template, `${object} of ${event}`, { responder: responder(answers) });
      cases++;
      judge(await till.send(event, {}, { template }));
    },
    { runs, lanes: CASE_LANES },
  );
  return { found: found.length, cases };
}

function eventsTried(t: MplusContext, object: ReplyObject): string {
  return t
    .events()
    .filter((e) => t.catalogue.get(e.name).replyObjects.includes(object))
    .map((e) => e.name)
    .slice(0, 6)
    .join(', ');
}

/**
 * A POS user who answers every dialog and form validly with values sampled from `seed` (deterministic, not
 * shrunk): for conversations inside a larger property (a session's life, an external payment).
 */
export function sampledResponder(seed: number): Responder {
  let n = 0;
  const pick = <T>(arb: fc.Arbitrary<T>): T => fc.sample(arb, { seed: seed + n++, numRuns: 1 })[0];
  return {
    dialog: (dialog) => pick(validSelections(dialog)),
    form: (form) => fillable(form, () => pick(validFormAnswers(form))),
  };
}
