import { expectNoServerError } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';
import { eachSchemaInvalid, SCHEMA_INVALID_STAGE } from './schema-invalid.js';

export default mplusCheck({
  id: 'MP-ERR-004',
  title: 'MUST NOT answer a schema-invalid body with a 5xx or a hang',
  level: 'MUST',
  area: 'errors',
  shares: SCHEMA_INVALID_STAGE,
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … INVALID_DATA … Event content: NO_EVENT_DETAILS, NO_SCANNED_CODE.' },
  long: true,
  async run(t) {
    // Refusing it (MP-ERR-007) and reading only what it needs are both answers; a crash or a hang is not.
    await eachSchemaInvalid(t, (d, event, form) => expectNoServerError(t, d, `${event} with ${form.what}`));
  },
});
