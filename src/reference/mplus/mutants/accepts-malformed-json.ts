import { mplusMutant } from '../mutant.js';

export default mplusMutant({
  name: 'accepts-malformed-json',
  description: 'answers 200 with an empty body when the request body is not JSON, instead of refusing it',
  checks: ['MP-ERR-002'],
  break: (ref) => ({
    ...ref,
    parse(inc) {
      const out = ref.parse(inc);
      return 'body' in out || (out.reply?.error as { code?: string } | undefined)?.code !== 'INVALID_JSON' ? out : { status: 200 };
    },
  }),
});
