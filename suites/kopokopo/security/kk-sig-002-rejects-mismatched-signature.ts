import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { withAmounts } from '../../../src/protocol/kopokopo/payloads.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-SIG-002',
  title: 'MUST reject (4xx) a delivery whose X-KopoKopo-Signature is genuine but of another body',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.seed, quote: QUOTE.authenticity },
  async run(t) {
    for (const { name } of t.topics()) {
      const genuine = t.payload(name);
      // The attack: a body captured in transit, its amount raised, sent on with the original signature.
      let altered = withAmounts(genuine, '999999.0');
      if (JSON.stringify(altered) === JSON.stringify(genuine)) altered = { ...genuine, hookcert_tampered: true };
      const d = await t.deliver(name, altered, { tamper: { signedBytes: Buffer.from(JSON.stringify(genuine), 'utf8') } });
      expectRejected(t, d, `${name} with the signature of another body`);
    }
  },
});
