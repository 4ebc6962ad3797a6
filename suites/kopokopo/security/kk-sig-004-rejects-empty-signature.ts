import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-SIG-004',
  title: 'MUST reject (4xx) a delivery whose X-KopoKopo-Signature header is empty',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.seed, quote: QUOTE.authenticity },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      const d = await t.deliver(name, t.payload(name), { forged: 'empty' });
      expectRejected(t, d, `${name} with an empty X-KopoKopo-Signature`);
    }
  },
});
