import type { Forgery } from '../../../src/protocol/forgery.js';
import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Keys that are not the API key: another application's key, the API key with its last character changed, none. */
const OTHER_KEYS: Array<{ what: string; forged: Forgery }> = [
  { what: "another application's API key", forged: 'other-key' },
  { what: 'the API key with its last character changed', forged: 'near-key' },
  { what: 'an empty key', forged: 'empty-key' },
];

export default kopokopoCheck({
  id: 'KK-SIG-007',
  title: 'MUST reject (4xx) a delivery signed with a key other than the API key',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.seed, quote: QUOTE.authenticity },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      for (const other of OTHER_KEYS) {
        const d = await t.deliver(name, t.payload(name), { forged: other.forged });
        expectRejected(t, d, `${name} signed with ${other.what}`);
      }
    }
  },
});
