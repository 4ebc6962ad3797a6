import type { SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { took, withinBudget } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Sequential deliveries per type (fewer when one is late): the slowest of them is judged. */
const TRIES = 3;

export default swCheck({
  id: 'SW-TIM-001',
  title: 'MUST answer every subscribed event type within its budget (default 5000 ms, configurable): a late reply is a failed delivery the sender retries',
  level: 'MUST',
  area: 'timing',
  spec: { doc: SPEC.facts, quote: QUOTE.replies },
  exclusive: true,
  order: 'early',
  async run(t) {
    const slow: Array<{ line: string; over: SwDelivery[] }> = [];
    for (const type of typesOf(t)) {
      const budget = t.budget(type);
      const tries: SwDelivery[] = [];
      for (let i = 0; i < TRIES; i++) {
        tries.push(await t.send(type));
        if (!withinBudget(tries[i], budget)) break; // one late reply is enough: do not wait out the others
      }
      const over = tries.filter((d) => !withinBudget(d, budget));
      if (over.length > 0) slow.push({ line: `${type} (budget ${budget} ms): ${tries.map(took).join(', ')}`, over });
    }
    if (slow.length > 0)
      t.fail(`${slow.length} event type${slow.length > 1 ? 's' : ''} answered over budget`, {
        expected: 'every reply complete within its budget (set per type in the config file: events.<type>.budgetMs)',
        received: slow.map((s) => s.line).join('; '),
        exchanges: slow.flatMap((s) => s.over.map((d) => d.exchange)),
      });
  },
});
