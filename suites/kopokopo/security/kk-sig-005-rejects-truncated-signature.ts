import { signKopokopo } from '../../../src/protocol/signature.js';
import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Truncations of the right signature: one digit short, half of it, its first 8 digits. */
const CUTS: Array<{ what: string; keep: (hex: string) => string }> = [
  { what: 'the last hex digit cut off', keep: (hex) => hex.slice(0, -1) },
  { what: 'only its first half (32 digits)', keep: (hex) => hex.slice(0, 32) },
  { what: 'only its first 8 digits', keep: (hex) => hex.slice(0, 8) },
];

export default kopokopoCheck({
  id: 'KK-SIG-005',
  title: 'MUST reject (4xx) a delivery whose X-KopoKopo-Signature is the right one truncated',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  async run(t) {
    for (const { name } of t.topics()) {
      for (const cut of CUTS) {
        const body = Buffer.from(JSON.stringify(t.payload(name)), 'utf8');
        const d = await t.deliver(name, undefined, { raw: body, tamper: { signature: cut.keep(signKopokopo(body, t.sub.secret.reveal())) } });
        expectRejected(t, d, `${name} with the signature's ${cut.what}`);
      }
    }
  },
});
