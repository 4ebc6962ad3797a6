import type { Delivery } from '../../../src/pos/context.js';
import { replyProblems, toleratedWarning } from '../../../src/pos/judge.js';
import { statusAndCode, took, withinBudget } from '../../../src/pos/judge-reply.js';
import { forgivenInLoadNote, forgivenOfLoad, timedTry } from '../../../src/runner/tries.js';
import { withIdentity, type MplusRequest } from '../../../src/protocol/mplus/requests.js';
import { mplusCheck, SPEC } from '../check.js';

/** A realistic shop: this many workplaces of one branch send at once. */
export const SHOP_WORKPLACES = 8;
/** The background process every workplace runs beside its events when the subscription has it. */
const BACKGROUND = 'backgroundPoll';

export default mplusCheck({
  id: 'MP-TIM-002',
  title: 'MUST keep answering every workplace correctly and within budget while several send at once',
  level: 'MUST',
  area: 'timing',
  spec: { doc: SPEC.reference, quote: 'sender: Contains the details of the workplace that is sending the event.' },
  exclusive: true,
  judgesLateness: true,
  order: 'early',
  async run(t) {
    if (t.options.concurrency < 2) t.skip(`--concurrency is ${t.options.concurrency}: nothing is sent at once: run with --concurrency 2 or more`);
    const events = t.events().filter((e) => e.name !== BACKGROUND);
    const background = t.event(BACKGROUND);
    if (events.length === 0 && !background) t.skip('no event is subscribed');
    // Workplace w sends events w, w + N, w + 2N, … (at least 3), so together they cover every subscribed event;
    // beside them it runs its background polls ("a new request starts as soon as the reply arrives"), one per
    // event. Every request is built and stamped up front, in one fixed order, so the bytes do not depend on
    // which reply comes back first.
    const length = Math.max(3, Math.ceil(events.length / SHOP_WORKPLACES));
    type Planned = { event: string; budgetMs: number; request: MplusRequest };
    const lanes: Array<{ w: number; plan: Planned[] }> = [];
    for (let w = 0; w < SHOP_WORKPLACES; w++) {
      const stamp = (event: string) => withIdentity(t.request(event), t.workplace(w).next());
      const foreground: Planned[] = [];
      const polls: Planned[] = [];
      for (let k = 0; k < length; k++) {
        const e = events.length > 0 ? events[(w + k * SHOP_WORKPLACES) % events.length] : undefined;
        if (e) foreground.push({ event: e.name, budgetMs: e.budgetMs, request: stamp(e.name) });
        if (background) polls.push({ event: BACKGROUND, budgetMs: background.budgetMs, request: stamp(BACKGROUND) });
      }
      lanes.push({ w, plan: foreground }, { w, plan: polls });
    }
    const done = await Promise.all(
      lanes.map(async ({ w, plan }) => {
        const out: Array<{ w: number; budgetMs: number; d: Delivery }> = [];
        for (const { event, budgetMs, request } of plan) out.push({ w, budgetMs, d: await t.deliver(event, request, { workplace: w, stamp: false }) });
        return out;
      }),
    );
    const all = done.flat();
    // A lone reply just over its budget is within hookcert's own measurement error (src/runner/tries.ts).
    const forgiven = forgivenOfLoad(all, (x) => x.budgetMs, (x) => timedTry(x.d));
    if (forgiven) t.note(forgivenInLoadNote(forgiven.d.event, timedTry(forgiven.d), forgiven.budgetMs, all.length));
    const problemOf = ({ budgetMs, d }: { budgetMs: number; d: Delivery }): string | undefined => {
      if (d.reply.missing) return took(d);
      if (d.reply.status! < 200 || d.reply.status! > 299) {
        // A refusal the reading of the spec tolerates is not a concurrency problem (README, "How the spec was read").
        const tolerated = toleratedWarning(t, d);
        if (tolerated) t.warn(tolerated);
        else return statusAndCode(d);
      }
      if (!withinBudget(d, budgetMs) && d !== forgiven?.d) return `${took(d)}, over the ${budgetMs} ms budget`;
      return replyProblems(d);
    };
    const bad = all.map((x) => ({ ...x, problem: problemOf(x) })).filter((x) => x.problem !== undefined);
    if (bad.length > 0)
      t.fail(`${bad.length} of ${all.length} requests from ${SHOP_WORKPLACES} workplaces sending at once${background ? ' (with their background polls)' : ''} went wrong`, {
        expected: "every valid request answered 2xx, with a valid reply, within its event's budget, whatever the other workplaces send",
        received: bad.slice(0, 6).map((b) => `workplace ${b.w + 1} ${b.d.event}: ${b.problem}`).join('; ') + (bad.length > 6 ? '; …' : ''),
        exchanges: bad.slice(0, 6).map((b) => b.d.exchange),
      });
  },
});
