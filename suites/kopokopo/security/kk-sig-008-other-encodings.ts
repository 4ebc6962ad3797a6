import type { MacEncoding } from '../../../src/protocol/forgery.js';
import { acknowledged, expectNoServerError, statusOf } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** The right HMAC, written in ways Kopo Kopo never writes it. */
const ENCODINGS: Array<{ what: string; encoding: MacEncoding }> = [
  { what: 'uppercase hex', encoding: 'uppercase-hex' },
  { what: 'base64', encoding: 'base64' },
  { what: 'lowercase hex with a "sha256=" prefix', encoding: 'sha256=hex' },
];

export default kopokopoCheck({
  id: 'KK-SIG-008',
  // One level: the spec names lowercase hex only but says nothing of other spellings of the right HMAC, which
  // still prove the key; so accepting one is a leniency (a warning here), not a broken SHOULD.
  title: 'MUST answer the right HMAC in another encoding (uppercase hex, base64, "sha256=" prefix) with a 4xx or a 2xx, never a 5xx or a hang',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      const payload = t.payload(name);
      for (const e of ENCODINGS) {
        const d = await t.deliver(name, payload, { forged: { encoding: e.encoding } });
        expectNoServerError(t, d, `${name} with the right signature as ${e.what}`);
        // Still proves the API key, so accepting it is lenient, not insecure: Kopo Kopo sends lowercase hex only.
        if (acknowledged(d)) t.warn(`the signature as ${e.what} was accepted (${statusOf(d)}); Kopo Kopo sends lowercase hex only`);
      }
    }
  },
});
