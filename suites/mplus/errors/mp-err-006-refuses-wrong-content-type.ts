import { expectRefusedCleanly } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';
import { CONTENT_TYPE_CODES, eachWrongContentType, WRONG_CONTENT_TYPE_STAGE } from './content-types.js';

export default mplusCheck({
  id: 'MP-ERR-006',
  title: 'SHOULD refuse a missing or wrong Content-Type with 400 NO_CONTENT_TYPE / INVALID_CONTENT_TYPE',
  level: 'SHOULD',
  area: 'errors',
  shares: WRONG_CONTENT_TYPE_STAGE,
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … NO_CONTENT_TYPE, INVALID_CONTENT_TYPE.' },
  async run(t) {
    await eachWrongContentType(t, (d, event, { fault }) =>
      // Any 4xx refuses it (another code than the vendor's is a warning); acknowledging it is what this SHOULD is about.
      expectRefusedCleanly(t, d, { what: `${event} with ${fault}`, fault, codes: CONTENT_TYPE_CODES, accepted: 'fail' }),
    );
  },
});
