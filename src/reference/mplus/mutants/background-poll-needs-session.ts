import { fail } from '../receiver.js';
import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'background-poll-needs-session',
  description: 'requires a session in every request, so backgroundPoll (sent from the main menu, without one) is refused with 400 INVALID_DATA',
  checks: ['MP-POL-004'],
  break: (ref) => ({
    ...ref,
    validate(event, body) {
      if (!body.error && (typeof body.session !== 'object' || body.session === null)) return fail('INVALID_DATA', 'session.sessionId missing');
      return ref.validate(event, body);
    },
  }),
});
