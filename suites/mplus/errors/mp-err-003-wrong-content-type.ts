import { expectNoServerError } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';
import { WRONG_CONTENT_TYPES } from './content-types.js';

export default mplusCheck({
  id: 'MP-ERR-003',
  title: 'MUST NOT answer a missing or wrong Content-Type with a 5xx or a hang',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … NO_CONTENT_TYPE, INVALID_CONTENT_TYPE.' },
  async run(t) {
    for (const event of t.events()) {
      for (const { contentType, fault } of WRONG_CONTENT_TYPES) {
        const d = await t.deliver(event.name, t.request(event.name), { tamper: { contentType } });
        // Refusing it (MP-ERR-006) and reading the JSON anyway are both answers; a crash or a hang is not.
        expectNoServerError(t, d, `${event.name} with ${fault}`);
      }
    }
  },
});
