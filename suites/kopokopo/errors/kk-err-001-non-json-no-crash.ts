import { expectNoServerError } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';
import { MALFORMED } from '../malformed.js';

export default kopokopoCheck({
  id: 'KK-ERR-001',
  title: 'MUST answer a correctly signed body that is not a JSON object (truncated, XML, form-encoded, empty, an array) without a 5xx or a hang',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  async run(t) {
    for (const { name } of t.topics()) {
      const payload = t.payload(name);
      for (const m of MALFORMED) {
        const d = await t.deliver(name, payload, { raw: m.form });
        expectNoServerError(t, d, `${name} with ${m.form.what}`);
      }
    }
  },
});
