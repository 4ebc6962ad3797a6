import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: '500-on-wrong-content-type',
  description: 'reads the body a JSON body parser left empty when the Content-Type is not JSON, and crashes with 500',
  checks: ['KK-ERR-003'],
  break: (ref) => ({
    ...ref,
    contentType(inc) {
      if (ref.contentType(inc) === undefined) return undefined;
      return { status: 500, text: "TypeError: Cannot read properties of undefined (reading 'topic')", headers: { 'content-type': 'text/plain' } };
    },
  }),
});
