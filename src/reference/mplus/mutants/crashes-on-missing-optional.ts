import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'crashes-on-missing-optional',
  description: 'reads session.lines without checking it is there, so a session of only a sessionId (lines is optional, a form the spec leaves open) crashes with a 500',
  checks: ['MP-ROB-001'],
  break: (ref) => ({
    ...ref,
    async reply(event, body, state) {
      if (body.session && !Array.isArray(body.session.lines))
        return { status: 500, text: "TypeError: Cannot read properties of undefined (reading 'length')", headers: { 'content-type': 'text/plain' } };
      return ref.reply(event, body, state);
    },
  }),
});
