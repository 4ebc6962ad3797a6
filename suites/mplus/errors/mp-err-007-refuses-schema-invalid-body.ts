import { expectRefusedCleanly } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';
import { eachSchemaInvalid, SCHEMA_INVALID_CODES, SCHEMA_INVALID_STAGE } from './schema-invalid.js';

export default mplusCheck({
  id: 'MP-ERR-007',
  title: 'SHOULD refuse a schema-invalid body with 400 INVALID_DATA / NO_EVENT_DETAILS / NO_SCANNED_CODE',
  level: 'SHOULD',
  area: 'errors',
  shares: SCHEMA_INVALID_STAGE,
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … INVALID_DATA … Event content: NO_EVENT_DETAILS, NO_SCANNED_CODE.' },
  long: true,
  async run(t) {
    await eachSchemaInvalid(t, (d, event, form) =>
      expectRefusedCleanly(t, d, { what: `${event} with ${form.what}`, fault: form.what, codes: SCHEMA_INVALID_CODES, accepted: 'fail' }),
    );
  },
});
