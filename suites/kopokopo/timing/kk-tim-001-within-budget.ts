import type { Exchange } from '../../../src/http/exchange.js';
import type { KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { clearlyLate, forgivenNote, judgeTries, owesAnotherTry, timedTry } from '../../../src/runner/tries.js';
import { took } from '../../../src/protocol/kopokopo/judge.js';
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
  judgesLateness: true,
  order: 'early',
  async run(t) {
    const slow: Array<{ line: string; exchanges: Exchange[] }> = [];
    for (const { name } of t.topics()) {
      const budget = t.budget(name);
      const tries: KopokopoDelivery[] = [];
      // A single reply just over budget is tried once more (src/runner/tries.ts: hookcert's own pauses can add a few ms).
      for (let i = 0; i < TRIES || owesAnotherTry(tries.map(timedTry), budget); i++) {
        tries.push(await t.send(name));
        if (clearlyLate(timedTry(tries[i]), budget)) break; // one late reply is enough: do not wait out the others
      }
      // A reply cut off at budget + grace (a timeout) is over budget too.
      const { over, forgiven } = judgeTries(tries, budget, timedTry);
      if (forgiven) t.note(forgivenNote(name, tries, forgiven, budget, timedTry));
      // Proven over budget by requests that had the endpoint to themselves (another check, exploration): fails
      // here on the proving exchange, even if these tries came in time, as every other check left it out.
      const proof = over.length === 0 ? t.provenLate(name) : undefined;
      if (over.length > 0 || proof)
        slow.push({ line: `${name} (budget ${budget} ms): ${tries.map(took).join(', ')}${proof ? `; ${proof.words}, sent by ${proof.by}` : ''}`, exchanges: proof ? [proof.exchange] : over.map((d) => d.exchange) });
    }
    if (slow.length > 0)
      t.fail(`${slow.length} topic${slow.length > 1 ? 's' : ''} answered over budget: ${slow.map((s) => s.line.split(' ')[0]).join(', ')}`, {
        expected: 'every reply complete within its topic\'s budget (set per topic in the config file: events.<topic>.budgetMs)',
        received: slow.map((s) => s.line).join('; '),
        exchanges: slow.flatMap((s) => s.exchanges),
      });
  },
});
