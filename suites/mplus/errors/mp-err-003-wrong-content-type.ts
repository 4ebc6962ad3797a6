import { expectNoServerError } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';
import { eachWrongContentType, WRONG_CONTENT_TYPE_STAGE } from './content-types.js';

export default mplusCheck({
  id: 'MP-ERR-003',
  title: 'MUST NOT answer a missing or wrong Content-Type with a 5xx or a hang',
  level: 'MUST',
  area: 'errors',
  shares: WRONG_CONTENT_TYPE_STAGE,
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … NO_CONTENT_TYPE, INVALID_CONTENT_TYPE.' },
  async run(t) {
    await eachWrongContentType(t, (d, event, { fault }) =>
      // Refusing it (MP-ERR-006) and reading the JSON anyway are both answers; a crash or a hang is not.
      expectNoServerError(t, d, `${event} with ${fault}`),
    );
  },
});
