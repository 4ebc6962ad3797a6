import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Keys that are not the API key: another application's key, and the API key with one character changed. */
function otherKeys(apiKey: string): Array<{ what: string; key: string }> {
  const last = apiKey.at(-1) === 'x' ? 'y' : 'x';
  return [
    { what: "another application's API key", key: 'c0ffee0ther4pplicati0nk3y000000000000000' },
    { what: 'the API key with its last character changed', key: `${apiKey.slice(0, -1)}${last}` },
    { what: 'an empty key', key: '' },
  ];
}

export default kopokopoCheck({
  id: 'KK-SIG-007',
  title: 'MUST reject (4xx) a delivery signed with a key other than the API key',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.seed, quote: QUOTE.authenticity },
  async run(t) {
    for (const { name } of t.topics()) {
      for (const other of otherKeys(t.sub.secret.reveal())) {
        if (other.key === t.sub.secret.reveal()) continue;
        const d = await t.deliver(name, t.payload(name), { tamper: { apiKey: other.key } });
        expectRejected(t, d, `${name} signed with ${other.what}`);
      }
    }
  },
});
