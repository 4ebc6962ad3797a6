import type { Forgery } from '../../../src/protocol/forgery.js';
import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Forged signatures that are not 64 hex digits, none of them made with the API key. */
const FORGERIES: Array<{ what: string; forged: Forgery }> = [
  { what: '64 characters outside the hex alphabet', forged: { header: 'z'.repeat(64) } },
  { what: 'hex with non-hex characters mixed in', forged: { header: `${'5e'.repeat(15)}xyz${'a7'.repeat(15)}e` } },
  { what: 'base64 text', forged: { encoding: 'base64', key: 'other' } },
  { what: 'a "sha256=" prefix', forged: { encoding: 'sha256=hex', key: 'other' } },
  { what: 'a placeholder', forged: { header: 'SIGNATURE' } },
];

export default kopokopoCheck({
  id: 'KK-SIG-006',
  title: 'MUST reject (4xx) a delivery whose X-KopoKopo-Signature is not hex (junk, base64, a prefix), never a 5xx',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      const payload = t.payload(name);
      for (const f of FORGERIES) {
        const d = await t.deliver(name, payload, { forged: f.forged });
        expectRejected(t, d, `${name} with ${f.what} as signature`);
      }
    }
  },
});
