import type { KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { isWebhook, type KopokopoDarajaPayload, type KopokopoPayload } from '../../../src/protocol/kopokopo/payloads.js';
import { acknowledged, statusOf, took, withinBudget } from '../../../src/protocol/kopokopo/judge.js';
import { forgivenInLoadNote, forgivenOfLoad, timedTry } from '../../../src/runner/tries.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** A realistic load: this many deliveries arrive at once. */
export const SHOP_LANES = 8;

/** `payload` (a copy) paid to `till`, where its topic names the till (a webhook's resource, a Daraja payload). */
function atTill(payload: KopokopoPayload, till: string): KopokopoPayload {
  const p = structuredClone(payload);
  if (isWebhook(p) && p.event?.resource && typeof p.event.resource === 'object' && 'till_number' in p.event.resource) p.event.resource.till_number = till;
  if ('BusinessShortCode' in p) (p as KopokopoDarajaPayload).BusinessShortCode = till;
  return p;
}

export default kopokopoCheck({
  id: 'KK-TIM-002',
  title: 'MUST acknowledge every delivery within budget while several arrive at once',
  level: 'MUST',
  area: 'timing',
  spec: { doc: SPEC.facts, quote: QUOTE.idempotent },
  exclusive: true,
  judgesLateness: true,
  order: 'early',
  async run(t) {
    if (t.options.concurrency < 2) t.skip(`--concurrency is ${t.options.concurrency}: nothing is sent at once`);
    const topics = t.topics().map((e) => e.name);
    if (topics.length === 0) t.skip('no topic is subscribed');
    // A busy shop: every topic in turn arrives SHOP_LANES times at once, its payments all for the shop's one till
    // (a queue at the till, everyone paying by M-PESA). Payloads are generated up front, in one fixed order.
    const till = String(100_000 + ((t.seed >>> 0) % 900_000));
    const plans = Array.from({ length: SHOP_LANES }, () => topics.map((name) => ({ name, payload: atTill(t.payload(name), till) })));
    const done = await Promise.all(
      plans.map(async (plan, lane) => {
        const out: Array<{ lane: number; d: KopokopoDelivery }> = [];
        for (const { name, payload } of plan) out.push({ lane, d: await t.deliver(name, payload) });
        return out;
      }),
    );
    const all = done.flat().map((x) => x.d);
    // A lone reply just over its budget is within hookcert's own measurement error (src/runner/tries.ts).
    const forgiven = forgivenOfLoad(all, (d) => t.budget(d.topic), timedTry);
    if (forgiven) t.note(forgivenInLoadNote(forgiven.topic, timedTry(forgiven), t.budget(forgiven.topic), all.length));
    const problemOf = (d: KopokopoDelivery): string | undefined => {
      if (!acknowledged(d)) return statusOf(d);
      const budget = t.budget(d.topic);
      return withinBudget(d, budget) || d === forgiven ? undefined : `${took(d)}, over the ${budget} ms budget`;
    };
    const bad = done.flat().flatMap((x) => (problemOf(x.d) ? [{ ...x, problem: problemOf(x.d)! }] : []));
    if (bad.length > 0)
      t.fail(`${bad.length} of ${SHOP_LANES * topics.length} deliveries sent ${SHOP_LANES} at a time went wrong`, {
        expected: 'every valid delivery acknowledged (2xx) within its topic\'s budget, whatever else arrives at the same time',
        received: bad.slice(0, 6).map((b) => `lane ${b.lane + 1} ${b.d.topic}: ${b.problem}`).join('; ') + (bad.length > 6 ? '; …' : ''),
        exchanges: bad.slice(0, 6).map((b) => b.d.exchange),
      });
  },
});
