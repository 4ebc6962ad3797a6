import type { Delivery } from '../../../src/pos/context.js';
import { took, withinBudget } from '../../../src/pos/judge-reply.js';
import { forgivenNote, judgeTries, owesAnotherTry, timedTry } from '../../../src/runner/tries.js';
import { mplusCheck, SPEC } from '../check.js';

/**
 * Sequential requests per event (fewer once two in a row are late): the slowest of them is judged. One per 8
 * generated cases of `--runs`, from 2 to 3: 3 by default, 2 in a quick pass (`--quick`, `--runs 3`). Never 1: an
 * endpoint slow only from the second request of a workplace on (a second polling round) is seen with 2.
 */
const triesOf = (runs: number) => Math.min(3, Math.max(2, Math.ceil(runs / 8)));

/**
 * Workplaces trying at once, each its own events in turn (event `i` on lane `1 + i % 2`): two tills of a shop,
 * no load an endpoint would notice, and half the wait of one. Nothing else is in flight: the check runs alone.
 */
const LANES = 2;

export default mplusCheck({
  id: 'MP-TIM-001',
  title: 'MUST answer each subscribed event within its budget',
  level: 'MUST',
  area: 'timing',
  spec: {
    doc: SPEC.transport,
    quote: 'No timeout, retry count or back-off is published. … Timing budgets are therefore the suite\'s own, configurable, with documented defaults.',
  },
  exclusive: true,
  judgesLateness: true,
  // Before exploration and every other check: the timing baseline, with the endpoint to itself. What its tries
  // prove over budget (two late in a row) exploration and the checks after it leave out, not waiting on it.
  order: 'first',
  async run(t) {
    const TRIES = triesOf(t.options.runs);
    const slow = (
      await t.eachOnLanes(t.events(), LANES, async (event) => {
        const tries: Delivery[] = [];
        // A single reply just over budget is tried once more (src/runner/tries.ts: hookcert's own pauses can add a few ms).
        for (let i = 0; i < TRIES || owesAnotherTry(tries.map(timedTry), event.budgetMs); i++) {
          tries.push(await t.send(event.name));
          // Proven over budget (this reply and the one before it late): the rest would only wait out the budget.
          if (!withinBudget(tries[i], event.budgetMs) && t.provenLate(event.name)) break;
        }
        // A reply cut off at budget + grace (a timeout) is over budget too.
        const { over, forgiven } = judgeTries(tries, event.budgetMs, timedTry);
        if (forgiven) t.note(forgivenNote(event.name, tries, forgiven, event.budgetMs, timedTry));
        return over.length === 0 ? undefined : { event: event.name, line: `${event.name} (budget ${event.budgetMs} ms): ${tries.map(took).join(', ')}`, exchanges: over.map((d) => d.exchange) };
      })
    ).filter((s) => s !== undefined);
    if (slow.length > 0)
      t.fail(`${slow.length} event${slow.length > 1 ? 's' : ''} answered over budget: ${slow.map((s) => s.event).join(', ')}`, {
        expected: 'every reply complete within its event\'s budget (set per event in the config file: events.<name>.budgetMs)',
        received: slow.map((s) => s.line).join('; '),
        exchanges: slow.flatMap((s) => s.exchanges),
      });
  },
});
