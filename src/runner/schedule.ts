/** What the scheduler reads of a check: how it must be scheduled (see `CheckDefinition`). */
export interface Schedulable {
  exclusive?: true;
  order?: 'first' | 'early' | 'late';
  long?: true;
}

/** One step of a schedule: checks that run side by side, or one exclusive check alone. */
export interface Stage<T> {
  alone: boolean;
  items: Array<{ item: T; index: number }>;
}

const PHASE = { first: 0, early: 1, none: 2, late: 3 } as const;

/** Whether a check runs with nothing else in flight: an exclusive one, and every `first` one. */
export function runsAlone(x: Schedulable): boolean {
  return x.exclusive === true || x.order === 'first';
}

/**
 * The stages a plan runs in. Checks start in their phase's order (`first`, `early`, then the others, then `late`);
 * within a phase the long ones first, then plan order. An exclusive check, and every `first` one, is a stage of
 * its own (nothing else in flight), placed first in its phase; the other checks of the early and middle phases share one stage (the early ones
 * start first); the late ones share a stage that starts once every other check has ended.
 */
export function stages<T extends Schedulable>(planned: readonly T[]): Array<Stage<T>> {
  const indexed = planned.map((item, index) => ({ item, index }));
  const phase = (x: T) => PHASE[x.order ?? 'none'];
  const key = (x: T) => phase(x) * 4 + (runsAlone(x) ? 0 : 2) + (x.long ? 0 : 1);
  const sorted = [...indexed].sort((a, b) => key(a.item) - key(b.item) || a.index - b.index);
  const out: Array<Stage<T>> = [];
  for (const entry of sorted) {
    const last = out.at(-1);
    const shared = !runsAlone(entry.item);
    const joins = last && !last.alone && shared && (phase(last.items[0].item) === PHASE.late) === (phase(entry.item) === PHASE.late);
    if (joins) last.items.push(entry);
    else out.push({ alone: !shared, items: [entry] });
  }
  return out;
}

/**
 * Runs `work` over `planned` stage by stage ({@link stages}), at most `width` checks at once within a stage,
 * and stops starting new ones as soon as `stopped()` says so. Resolves when every started one has ended.
 */
export async function schedule<T extends Schedulable>(
  planned: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  for (const stage of stages(planned)) {
    if (stopped()) return;
    const queue = [...stage.items];
    const lane = async () => {
      for (let next = queue.shift(); next && !stopped(); next = queue.shift()) await work(next.item, next.index);
    };
    await Promise.all(Array.from({ length: stage.alone ? 1 : Math.max(1, Math.min(width, queue.length)) }, lane));
  }
}
