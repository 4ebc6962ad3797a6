import { kopokopoMutant } from '../mutant.js';

export default kopokopoMutant({
  name: '500-on-malformed-json',
  description: 'lets JSON.parse throw on a signed body that is not JSON, so it answers 500 instead of 400',
  checks: ['KK-ERR-001', 'KK-ERR-002'],
  break: (ref) => ({
    ...ref,
    parse(inc) {
      const out = ref.parse(inc);
      if ('body' in out || !/not valid JSON/.test(JSON.stringify(out.json))) return out;
      return { status: 500, text: 'SyntaxError: Unexpected end of JSON input', headers: { 'content-type': 'text/plain' } };
    },
  }),
});
