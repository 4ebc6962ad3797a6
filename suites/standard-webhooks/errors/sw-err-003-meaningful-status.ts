import type { SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { received } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Statuses that tell a sender something else than "refused": disable the endpoint, or slow down. */
const SIGNALS: Record<number, string> = { 410: 'disable the endpoint', 429: 'slow down', 502: 'slow down', 504: 'slow down' };

export default swCheck({
  id: 'SW-ERR-003',
  title: 'SHOULD refuse a bad signature or a stale timestamp with a plain 4xx (400/401/403), not with 410 (disable me), 429/502/504 (slow down) or a 3xx',
  level: 'SHOULD',
  area: 'errors',
  spec: { doc: SPEC.facts, quote: QUOTE.replies },
  async run(t) {
    const bad: Array<{ d: SwDelivery; why: string }> = [];
    let judged = 0;
    for (const type of typesOf(t)) {
      const tries = [await t.send(type, {}, { forged: 'other-key' }), await t.send(type, {}, { forged: 'missing' }), await t.send(type, {}, { skewSeconds: -3600 })];
      for (const d of tries) {
        const s = d.reply.status;
        // Taking it (2xx), a 5xx or a hang are the MUST checks' findings (SW-SIG-*, SW-TS-001): judged here is the word a refusal uses.
        if (d.reply.missing || s! < 300 || (s! >= 500 && !SIGNALS[s!])) continue;
        judged++;
        if (SIGNALS[s!]) bad.push({ d, why: `HTTP ${s} tells the sender to ${SIGNALS[s!]}` });
        else if (s! < 400) bad.push({ d, why: `HTTP ${s} is not a refusal` });
      }
    }
    if (judged === 0) t.skip('not exercised: no bad delivery was refused (SW-SIG-002, SW-SIG-003, SW-TS-001 say why)');
    if (bad.length > 0)
      t.fail(`${bad.length} refused deliveries were not answered with a plain 4xx`, {
        expected: 'a 400, 401 or 403: the standard reads 2xx as success, 410 as "disable", 429/502/504 as "slow down"',
        received: bad.slice(0, 4).map((b) => `${b.d.type}: ${b.why} (${received(b.d)})`).join('; '),
        exchanges: bad.slice(0, 4).map((b) => b.d.exchange),
      });
  },
});
