import type { KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { acknowledged, statusOf, took, withinBudget } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-TIM-002',
  title: 'MUST acknowledge every delivery within budget while several arrive at once (--concurrency)',
  level: 'MUST',
  area: 'timing',
  spec: { doc: SPEC.facts, quote: QUOTE.idempotent },
  async run(t) {
    const lanes = t.options.concurrency;
    if (lanes < 2) t.skip(`--concurrency is ${lanes}: nothing is sent at once`);
    const topics = t.topics().map((e) => e.name);
    if (topics.length === 0) t.skip('no topic is subscribed');
    // Lane l delivers topics l, l + N, l + 2N, … (at least 3), so together the lanes cover every topic.
    const length = Math.max(3, Math.ceil(topics.length / lanes));
    const plans = Array.from({ length: lanes }, (_, l) =>
      Array.from({ length }, (_, k) => topics[(l + k * lanes) % topics.length]).map((name) => ({ name, payload: t.payload(name) })),
    );
    const done = await Promise.all(
      plans.map(async (plan, lane) => {
        const out: Array<{ lane: number; d: KopokopoDelivery }> = [];
        for (const { name, payload } of plan) out.push({ lane, d: await t.deliver(name, payload) });
        return out;
      }),
    );
    const problemOf = (d: KopokopoDelivery): string | undefined => {
      if (!acknowledged(d)) return statusOf(d);
      const budget = t.budget(d.topic);
      return withinBudget(d, budget) ? undefined : `${took(d)}, over the ${budget} ms budget`;
    };
    const bad = done.flat().flatMap((x) => (problemOf(x.d) ? [{ ...x, problem: problemOf(x.d)! }] : []));
    if (bad.length > 0)
      t.fail(`${bad.length} of ${lanes * length} deliveries sent ${lanes} at a time went wrong`, {
        expected: 'every valid delivery acknowledged (2xx) within its topic\'s budget, whatever else arrives at the same time',
        received: bad.slice(0, 6).map((b) => `lane ${b.lane + 1} ${b.d.topic}: ${b.problem}`).join('; ') + (bad.length > 6 ? '; …' : ''),
        exchanges: bad.slice(0, 6).map((b) => b.d.exchange),
      });
  },
});
