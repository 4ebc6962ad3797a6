import type { KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { took, withinBudget } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Sequential deliveries per topic (fewer when one is late): the slowest of them is judged. */
const TRIES = 3;

export default kopokopoCheck({
  id: 'KK-TIM-001',
  title: 'MUST answer every subscribed topic and callback within its budget (default 5000 ms, configurable)',
  level: 'MUST',
  area: 'timing',
  spec: { doc: SPEC.facts, quote: QUOTE.receivers },
  exclusive: true,
  order: 'early',
  async run(t) {
    const slow: Array<{ line: string; over: KopokopoDelivery[] }> = [];
    for (const { name } of t.topics()) {
      const budget = t.budget(name);
      const tries: KopokopoDelivery[] = [];
      for (let i = 0; i < TRIES; i++) {
        tries.push(await t.send(name));
        if (!withinBudget(tries[i], budget)) break; // one late reply is enough: do not wait out the others
      }
      // A reply cut off at budget + grace (a timeout) is over budget too.
      const over = tries.filter((d) => !withinBudget(d, budget));
      if (over.length > 0) slow.push({ line: `${name} (budget ${budget} ms): ${tries.map(took).join(', ')}`, over });
    }
    if (slow.length > 0)
      t.fail(`${slow.length} topic${slow.length > 1 ? 's' : ''} answered over budget: ${slow.map((s) => s.line.split(' ')[0]).join(', ')}`, {
        expected: 'every reply complete within its topic\'s budget (set per topic in the config file: events.<topic>.budgetMs)',
        received: slow.map((s) => s.line).join('; '),
        exchanges: slow.flatMap((s) => s.over.map((d) => d.exchange)),
      });
  },
});
