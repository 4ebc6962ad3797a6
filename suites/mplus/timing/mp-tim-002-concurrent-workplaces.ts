import type { Delivery } from '../../../src/pos/context.js';
import { replyProblems, toleratedWarning } from '../../../src/pos/judge.js';
import { statusAndCode, took, withinBudget } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-TIM-002',
  title: 'MUST keep answering every workplace correctly and within budget while several send at once',
  level: 'MUST',
  area: 'timing',
  spec: { doc: SPEC.reference, quote: 'sender: Contains the details of the workplace that is sending the event.' },
  async run(t) {
    const workplaces = t.options.concurrency;
    if (workplaces < 2) t.skip(`--concurrency is ${workplaces}: nothing is sent at once: run with --concurrency 2 or more`);
    const events = t.events();
    if (events.length === 0) t.skip('no event is subscribed');
    // Workplace w sends events w, w + N, w + 2N, … (at least 3), so together they cover every subscribed event.
    const length = Math.max(3, Math.ceil(events.length / workplaces));
    const plans = Array.from({ length: workplaces }, (_, w) =>
      Array.from({ length }, (_, k) => events[(w + k * workplaces) % events.length]).map((e) => ({ event: e, request: t.request(e.name) })),
    );
    const done = await Promise.all(
      plans.map(async (plan, w) => {
        const out: Array<{ w: number; budgetMs: number; d: Delivery }> = [];
        for (const { event, request } of plan) out.push({ w, budgetMs: event.budgetMs, d: await t.deliver(event.name, request, { workplace: w }) });
        return out;
      }),
    );
    const problemOf = ({ budgetMs, d }: { budgetMs: number; d: Delivery }): string | undefined => {
      if (d.reply.missing) return took(d);
      if (d.reply.status! < 200 || d.reply.status! > 299) {
        // A refusal the reading of the spec tolerates is not a concurrency problem (README, "How the spec was read").
        const tolerated = toleratedWarning(t, d);
        if (tolerated) t.warn(tolerated);
        else return statusAndCode(d);
      }
      if (!withinBudget(d, budgetMs)) return `${took(d)}, over the ${budgetMs} ms budget`;
      return replyProblems(d);
    };
    const bad = done.flat().map((x) => ({ ...x, problem: problemOf(x) })).filter((x) => x.problem !== undefined);
    if (bad.length > 0)
      t.fail(`${bad.length} of ${workplaces * length} requests from ${workplaces} concurrent workplaces went wrong`, {
        expected: 'every valid request answered 2xx, with a valid reply, within its event\'s budget, whatever the other workplaces send',
        received: bad.slice(0, 6).map((b) => `workplace ${b.w + 1} ${b.d.event}: ${b.problem}`).join('; ') + (bad.length > 6 ? '; …' : ''),
        exchanges: bad.slice(0, 6).map((b) => b.d.exchange),
      });
  },
});
