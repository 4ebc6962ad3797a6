import { acknowledged, received, refused, statusOf } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';
import { MALFORMED } from '../malformed.js';

export default kopokopoCheck({
  id: 'KK-ERR-002',
  title: 'SHOULD refuse (4xx, e.g. 400) a correctly signed body that is not JSON rather than acknowledge a delivery it cannot process',
  level: 'SHOULD',
  area: 'errors',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  async run(t) {
    for (const { name } of t.topics()) {
      const payload = t.payload(name);
      for (const m of MALFORMED.filter((x) => !x.json)) {
        const d = await t.deliver(name, payload, { raw: m.form });
        if (refused(d)) continue;
        if (acknowledged(d) && m.lenient) {
          t.warn(`a body with ${m.form.what} was acknowledged (${statusOf(d)}); some JSON parsers accept it`);
          continue;
        }
        t.fail(`${name} with ${m.form.what}: ${acknowledged(d) ? 'acknowledged, so the delivery is lost without a trace' : 'not refused with a 4xx'}`, {
          expected: 'a 4xx (400): the body cannot be processed',
          received: received(d),
        });
      }
    }
  },
});
