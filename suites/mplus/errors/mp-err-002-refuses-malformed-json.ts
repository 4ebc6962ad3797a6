import { CASE_LANES } from '../../../src/pos/context.js';
import { expectRefusedCleanly } from '../../../src/pos/judge-reply.js';
import { literal, trailingComma, truncatedJson, type BodyForm } from '../../../src/protocol/corpus/forms.js';
import { mplusCheck, SPEC } from '../check.js';

/** Correctly signed bodies that are not JSON. `lenient`: some JSON parsers accept it (Json.NET), so a 2xx only warns. */
const MALFORMED: Array<{ form: BodyForm; lenient: boolean }> = [
  { form: truncatedJson('half'), lenient: false },
  { form: literal('an XML body', '<?xml version="1.0"?><request><event>startSession</event></request>'), lenient: false },
  { form: trailingComma(), lenient: true },
];

export default mplusCheck({
  id: 'MP-ERR-002',
  title: 'MUST refuse a correctly signed body that is not JSON with a 4xx (400 INVALID_JSON), never a 2xx or a 5xx',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: NO_SIGNATURE, INVALID_SIGNATURE, INVALID_JSON, INVALID_DATA, …' },
  async run(t) {
    // Events side by side, each on a lane of its own; each failing event shows its own failure.
    await t.perKind(
      t.events().map((e) => e.name),
      (event) => event,
      async (event) => {
        for (const m of MALFORMED) {
          const d = await t.deliver(event, t.request(event), { raw: m.form });
          const what = m.form.what;
          expectRefusedCleanly(t, d, { what: `${event} with ${what}`, fault: what, codes: ['INVALID_JSON'], accepted: m.lenient ? 'warn' : 'fail' });
        }
      },
      { lanes: CASE_LANES },
    );
  },
});
