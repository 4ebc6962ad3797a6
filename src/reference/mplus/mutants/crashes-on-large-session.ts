import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'crashes-on-large-session',
  description: 'copies session lines into a fixed table of 100 rows and answers 500 for a session of more lines',
  checks: ['MP-ROB-003'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (Array.isArray(body.session?.lines) && body.session.lines.length > 100)
        return { status: 500, text: 'IndexError: session line table overflow (100 rows)', headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
