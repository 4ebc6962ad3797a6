import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: '500-on-malformed-json',
  description: 'lets the JSON parser throw on a body that is not JSON, so it answers 500 instead of 400 INVALID_JSON',
  checks: ['MP-ERR-002'],
  break: (ref) => ({
    ...ref,
    parse(inc) {
      const out = ref.parse(inc);
      if ('body' in out || (out.reply?.error as { code?: string } | undefined)?.code !== 'INVALID_JSON') return out;
      return { status: 500, text: 'SyntaxError: Unexpected end of JSON input', headers: { 'content-type': 'text/plain' } };
    },
  }),
});
