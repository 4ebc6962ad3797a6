import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-SIG-002',
  title: 'MUST reject (4xx) a delivery whose X-KopoKopo-Signature is genuine but of another body',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.seed, quote: QUOTE.authenticity },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      // The attack: a body captured in transit, its amount changed, sent on with the original signature.
      const d = await t.deliver(name, t.payload(name), { forged: 'other-body' });
      expectRejected(t, d, `${name} with the signature of another body (its amounts changed)`);
    }
  },
});
