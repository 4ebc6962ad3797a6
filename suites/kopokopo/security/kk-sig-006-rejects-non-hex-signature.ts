import { signKopokopo } from '../../../src/protocol/signature.js';
import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { deriveSeed } from '../../../src/runner/seed.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Forged signatures that are not 64 hex digits (none of them derived from the API key). */
function forgeries(seed: number, body: Buffer): Array<{ what: string; signature: string }> {
  // A forger's guess, deterministic for the seed: an HMAC under a key that is not the API key.
  const guess = signKopokopo(body, `forger-${seed}`);
  return [
    { what: '64 characters outside the hex alphabet', signature: 'z'.repeat(64) },
    { what: 'hex with non-hex characters mixed in', signature: `${guess.slice(0, 30)}xyz${guess.slice(33)}` },
    { what: 'base64 text', signature: Buffer.from(guess, 'hex').toString('base64') },
    { what: 'a "sha256=" prefix', signature: `sha256=${guess}` },
    { what: 'a placeholder', signature: 'SIGNATURE' },
  ];
}

export default kopokopoCheck({
  id: 'KK-SIG-006',
  title: 'MUST reject (4xx) a delivery whose X-KopoKopo-Signature is not hex (junk, base64, a prefix), never a 5xx',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  async run(t) {
    for (const { name } of t.topics()) {
      const payload = t.payload(name);
      const body = Buffer.from(JSON.stringify(payload), 'utf8');
      for (const f of forgeries(deriveSeed(t.seed, name), body)) {
        const d = await t.deliver(name, undefined, { raw: body, tamper: { signature: f.signature } });
        expectRejected(t, d, `${name} with ${f.what} as signature`);
      }
    }
  },
});
