/**
 * Work several checks judge alike, sent once per run: a run's stage ({@link MplusContext.stage}) that does the
 * same for every subscribed event, on lanes, and hands each event's outcome to every check that asks.
 */
import { NotSent } from '../runner/failure.js';
import { CASE_LANES, type Delivery, type MplusContext } from './context.js';

/** Each subscribed event's outcome of a stage, as soon as that event's work has ended. */
export interface EventStage<R> {
  /**
   * The outcome of `event`: rejects with what its work threw (a `NotSent` when its label was proven over
   * budget, so each check leaves the event out as its own work would have).
   */
  of(event: string): Promise<R>;
}

/**
 * The run's stage `name`, started by the first check that asks: `work` runs for every subscribed event, event
 * `i` on lane `1 + i % CASE_LANES` of the stage's own context, so what is sent depends only on the run's seed,
 * never on which check asked first or what ran beside it. Events the run stopped before reject as not sent.
 */
export function perEventStage<R>(t: MplusContext, name: string, work: (s: MplusContext, event: string) => Promise<R>): EventStage<R> {
  return t.stage(name, (s, judges) => {
    const names = s.sub.events.map((e) => e.name);
    // Each event's outcome, until every planned judge took it and it came: a stage of a large --runs holds
    // thousands of deliveries, so each event's go as soon as the last judge has them.
    const outcomes: Array<ReturnType<typeof deferred<R>> | undefined> = names.map(() => deferred<R>());
    const taken = names.map(() => 0);
    const settled = names.map(() => false);
    const letGo = (i: number) => {
      if (settled[i] && taken[i] >= judges) outcomes[i] = undefined;
    };
    void s
      .eachOnLanes(names, CASE_LANES, async (event, i) => {
        const p = outcomes[i]!;
        await work(s, event).then(p.resolve, p.reject);
        settled[i] = true;
        letGo(i);
      })
      .then(
        () => outcomes.forEach((p) => p?.reject(new NotSent('not sent: the run had stopped', 'ended'))),
        (err: unknown) => outcomes.forEach((p) => p?.reject(err)),
      );
    return {
      of: (event) => {
        const i = names.indexOf(event);
        const p = i >= 0 ? outcomes[i] : undefined;
        if (!p) return Promise.reject(new Error(`the stage "${name}" has no outcome of ${event} to give: it is not subscribed, or every check that declares the stage took it`));
        taken[i]++;
        letGo(i);
        return p.promise;
      },
    };
  });
}

/**
 * Deliveries several checks judge alike: `send` makes each event's once per run (the stage `name`), and every
 * check that calls this judges each of them as its own ({@link MplusContext.adopt}) through `judge` (which fails
 * through `t.fail`), the events side by side; each failing event shows its own failure.
 */
export async function judgeSharedDeliveries<W>(
  t: MplusContext,
  name: string,
  send: (s: MplusContext, event: string) => Promise<Array<{ d: Delivery; what: W }>>,
  judge: (d: Delivery, event: string, what: W) => void,
): Promise<void> {
  const sent = perEventStage(t, name, send);
  await t.perKind(
    t.events().map((e) => e.name),
    (event) => event,
    async (event) => {
      for (const { d, what } of await sent.of(event)) {
        t.adopt(d);
        judge(d, event, what);
      }
    },
    { lanes: CASE_LANES },
  );
}

/** A promise and what settles it (settling it again changes nothing). */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (err: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // An outcome no check asks for is not an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
