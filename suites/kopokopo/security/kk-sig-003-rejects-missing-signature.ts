import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-SIG-003',
  title: 'MUST reject (4xx) a delivery without an X-KopoKopo-Signature header, without hanging',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.seed, quote: QUOTE.authenticity },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      const d = await t.deliver(name, t.payload(name), { forged: 'missing' });
      expectRejected(t, d, `${name} without X-KopoKopo-Signature`);
    }
  },
});
