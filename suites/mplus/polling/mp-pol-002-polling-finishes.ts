import { failConversation } from '../../../src/pos/flows.js';
import { expectServed, pollingEvents, pollingProcess, processesPerEvent, roundsInWords, skipUnlessPolling } from '../../../src/pos/polling.js';
import { mplusCheck, SPEC } from '../check.js';

/**
 * Each round is a request of its own, judged against the event's budget; the whole process against the run's
 * bounds (--max-polling-rounds, --max-polling-time; `run.polling` in the config file): a customer at a terminal
 * takes minutes, not one request's budget.
 */
export default mplusCheck({
  id: 'MP-POL-002',
  title: "MUST finish a polling process (polling.finished: true) within the run's bounds on rounds and time, answering each round within the event's budget",
  level: 'MUST',
  area: 'polling',
  judgesLateness: true,
  spec: { doc: SPEC.reference, quote: 'polling.finished | boolean | Tell MplusKASSA whether the polling process is finished or not. When you return false, MplusKASSA will immediately resend the request to your endpoint.' },
  async run(t) {
    skipUnlessPolling(t);
    await t.perKind(pollingEvents(t), (event) => event, async (event) => {
      for (let i = 0; i < processesPerEvent(t); i++) {
        t.plan();
        const conv = await pollingProcess(t, event);
        if (!expectServed(t, conv, `polling ${event}`)) {
          t.unjudged('a refusal the spec tolerates ended a polling process before it could finish');
          continue;
        }
        if (conv.problem) failConversation(t, conv, `polling ${event} (${roundsInWords(conv)})`);
        const slow = conv.polling?.slowRounds ?? [];
        if (slow.length > 0)
          t.fail(`polling ${event}: ${slow.length} of ${conv.polling!.rounds} rounds came over the event's ${conv.polling!.budgetMs} ms budget`, {
            expected: `every round answered within ${conv.polling!.budgetMs} ms: each round is a request of its own (set events.${event}.budgetMs in the config file)`,
            received: slow.map((s) => `round ${s.round}: ${s.ms} ms`).join(', '),
            exchanges: slow.map((s) => conv.steps[s.round - 1]?.delivery.exchange).filter((ex) => ex !== undefined),
          });
        t.judged();
      }
    });
  },
});
