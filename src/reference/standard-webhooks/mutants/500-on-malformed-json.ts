import { swMutant } from '../mutant.js';

export default swMutant({
  name: '500-on-malformed-json',
  description: 'parses the body without a guard: a correctly signed body that is not JSON crashes the handler (500)',
  checks: ['SW-ERR-001'],
  break: (ref) => ({
    ...ref,
    parse(inc) {
      try {
        JSON.parse(inc.raw.toString('utf8'));
      } catch (err) {
        return { status: 500, text: `SyntaxError: ${(err as Error).message}` };
      }
      return ref.parse(inc);
    },
  }),
});
