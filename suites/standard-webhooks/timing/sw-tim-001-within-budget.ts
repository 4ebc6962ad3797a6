import type { Exchange } from '../../../src/http/exchange.js';
import type { SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { clearlyLate, forgivenNote, judgeTries, owesAnotherTry, timedTry } from '../../../src/runner/tries.js';
import { took } from '../../../src/protocol/standard-webhooks/judge.js';
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
  judgesLateness: true,
  order: 'early',
  async run(t) {
    const slow: Array<{ line: string; exchanges: Exchange[] }> = [];
    for (const type of typesOf(t)) {
      const budget = t.budget(type);
      const tries: SwDelivery[] = [];
      // A single reply just over budget is tried once more (src/runner/tries.ts: hookcert's own pauses can add a few ms).
      for (let i = 0; i < TRIES || owesAnotherTry(tries.map(timedTry), budget); i++) {
        tries.push(await t.send(type));
        if (clearlyLate(timedTry(tries[i]), budget)) break; // one late reply is enough: do not wait out the others
      }
      const { over, forgiven } = judgeTries(tries, budget, timedTry);
      if (forgiven) t.note(forgivenNote(type, tries, forgiven, budget, timedTry));
      // Proven over budget by requests that had the endpoint to themselves (another check, exploration): fails
      // here on the proving exchange, even if these tries came in time, as every other check left it out.
      const proof = over.length === 0 ? t.provenLate(type) : undefined;
      if (over.length > 0 || proof)
        slow.push({ line: `${type} (budget ${budget} ms): ${tries.map(took).join(', ')}${proof ? `; ${proof.words}, sent by ${proof.by}` : ''}`, exchanges: proof ? [proof.exchange] : over.map((d) => d.exchange) });
    }
    if (slow.length > 0)
      t.fail(`${slow.length} event type${slow.length > 1 ? 's' : ''} answered over budget`, {
        expected: 'every reply complete within its budget (set per type in the config file: events.<type>.budgetMs)',
        received: slow.map((s) => s.line).join('; '),
        exchanges: slow.flatMap((s) => s.exchanges),
      });
  },
});
