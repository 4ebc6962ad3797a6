import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';
import type { Body } from '../wire.js';

/** The dialog a request answers: its session and event (the ticket being reserved). */
const answerOf = (event: string, body: Body) => (Array.isArray(body?.dialog?.selectedDialogOptionIds) ? `${body.session?.sessionId}/${event}` : undefined);

export default mplusMutant({
  name: 'reserves-on-forged-answer',
  description:
    'books the seat a dialog answer selects before it checks the signature: after a forged answer, the genuine answer of the POS user is refused because the ticket is already reserved',
  checks: ['MP-SIG-009'],
  break: (ref) => {
    const reserved = new Set<string>();
    return {
      ...ref,
      signature(inc) {
        const refused = ref.signature(inc);
        if (refused) {
          const parsed = ref.parse(inc);
          const key = 'body' in parsed ? answerOf(inc.event, parsed.body) : undefined;
          if (key) reserved.add(key);
        }
        return refused;
      },
      async reply(event, body, state) {
        const key = answerOf(event, body);
        if (key && reserved.has(key)) return fail('INVALID_DATA', 'this ticket is already reserved');
        return ref.reply(event, body, state);
      },
    };
  },
});
