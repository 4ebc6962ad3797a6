import { sequence, tillFor } from '../../../src/pos/flows.js';
import { expectServed, pollingEvents, pollingProcess, roundsInWords, skipUnlessPolling, unfinishedOpener } from '../../../src/pos/polling.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-POL-003',
  title: 'MUST keep working for the workplace after its user cancels a polling process mid-way',
  level: 'MUST',
  area: 'polling',
  spec: { doc: SPEC.polling, quote: 'the event call to your endpoint will be repeated until you reply that the polling can be finished, or the POS user manually cancels the process.' },
  async run(t) {
    skipUnlessPolling(t);
    const polled = pollingEvents(t);
    const other = t.events().find((e) => !polled.includes(e.name) && e.blocking);
    let exercised = 0;
    for (const event of polled) {
      // The POS user cancels after the first unfinished round: no further round is sent, nothing tells the endpoint.
      const cancelled = await pollingProcess(t, event, { cancelAfter: 1 }, 0, unfinishedOpener(t, event));
      if (!expectServed(t, cancelled, `polling ${event}`)) continue;
      if (cancelled.polling?.ended !== 'cancelled') continue;
      exercised++;
      t.plan();
      const what = `after the POS user cancelled polling ${event} in round 1`;
      if (other) {
        const template = t.request(other.name);
        const { till } = tillFor(t, template, `${other.name} after a cancelled poll`);
        const next = await till.send(other.name, {}, { template });
        const bad = next.problem ?? (next.refused && !next.refused.tolerated ? { message: `${other.name} was refused`, step: next.refused } : undefined);
        if (next.refused?.tolerated) t.warn(next.refused.tolerated);
        if (bad)
          t.fail(`${what}, the same workplace's next event failed: ${bad.message}`, {
            expected: `${other.name} answered 2xx with a valid reply: the cancelled process must not hold the workplace`,
            received: `polling ${event}: ${roundsInWords(cancelled)}\nthen ${sequence(next)}`,
            exchanges: [...cancelled.steps, ...next.steps].map((s) => s.delivery.exchange),
          });
      }
      const again = await pollingProcess(t, event);
      if (!expectServed(t, again, `${what}, the next polling process`)) {
        t.unjudged('a refusal the spec tolerates ended the polling process after the cancelled one');
        continue;
      }
      t.judged();
      if (again.polling?.ended !== 'finished')
        t.fail(`${what}, the next polling process of ${event} did not finish`, {
          expected: 'a new polling process that runs to polling.finished: true',
          received: `first: ${roundsInWords(cancelled)}; next: ${roundsInWords(again)}${again.problem ? ` (${again.problem.message})` : ''}`,
        });
    }
    if (exercised === 0)
      t.skip(`not exercised: every polling process of ${polled.join(', ')} finished in its first round, so there was nothing to cancel${t.explored ? ' (the exploration phase found none that ran longer)' : ''}; a polling process that takes more than one round is needed (backgroundPoll, or an event with \`polling: true\`)`);
  },
});
