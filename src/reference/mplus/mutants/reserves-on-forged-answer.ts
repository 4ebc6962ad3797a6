import { actsOnForged } from '../forged-effect.js';
import { mplusMutant } from '../mutant.js';
import type { Body } from '../wire.js';

/** The dialog a request answers: its session and event (the ticket being reserved). */
const answerOf = (event: string, body: Body) => (Array.isArray(body?.dialog?.selectedDialogOptionIds) ? `${body.session?.sessionId}/${event}` : undefined);

export default mplusMutant({
  name: 'reserves-on-forged-answer',
  description:
    'books the seat a dialog answer selects before it checks the signature: after a forged answer, the genuine answer of the POS user is refused because the ticket is already reserved',
  checks: ['MP-SIG-009'],
  break: (ref) => actsOnForged(ref, answerOf, 'this ticket is already reserved'),
});
