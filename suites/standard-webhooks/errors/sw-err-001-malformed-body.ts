import { jsonArray, literal, truncatedJson } from '../../../src/protocol/corpus/forms.js';
import { expectNoServerError } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Correctly signed bodies that are not a payload object. */
const MALFORMED = [
  truncatedJson('half'),
  literal('an XML body', '<?xml version="1.0"?><event><type>invoice.paid</type></event>'),
  literal('an empty body', ''),
  jsonArray(),
  literal('a JSON string', '"invoice.paid"'),
];

export default swCheck({
  id: 'SW-ERR-001',
  title: 'MUST answer a correctly signed body that is not a JSON payload object (truncated, XML, empty, an array, a string) without a 5xx or a hang',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.facts, quote: QUOTE.headers },
  async run(t) {
    const type = typesOf(t)[0];
    const payload = t.payload(type);
    for (const form of MALFORMED) expectNoServerError(t, await t.deliver(type, payload, { raw: form }), `${type} with ${form.what}`);
  },
});
