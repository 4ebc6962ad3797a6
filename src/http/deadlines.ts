/** Something with a deadline: a request in flight. {@link Deadlines} links it in a list of its own fields. */
export interface Timed {
  /** When it expires (performance.now() time). */
  deadline: number;
  /** The neighbours in its list; `undefined` at the ends. */
  prevTimed?: Timed;
  nextTimed?: Timed;
  /** The list it is in, while it is in one. */
  timedIn?: DeadlineList;
  /** Called once the deadline passed while it was still in its list (it is out of it by then). */
  expire(): void;
}

/**
 * The deadlines of every request in flight, with one timer per budget instead of a `setTimeout` per request.
 * Requests of the same budget expire in the order they started, so each budget keeps its requests in a list,
 * oldest first, and one timer for the oldest: adding and removing a request is a few pointer moves, and the
 * timer is re-armed only when it fires (at a run's pace, about once per budget). The timer fires no earlier
 * than the oldest deadline by `performance.now()`: fired early (libuv's clock), it waits the rest.
 */
export class Deadlines {
  private readonly lists = new Map<number, DeadlineList>();

  /** Starts `item`'s deadline: `budgetMs` from now. */
  add(item: Timed, budgetMs: number): void {
    let list = this.lists.get(budgetMs);
    if (!list) this.lists.set(budgetMs, (list = new DeadlineList()));
    item.deadline = performance.now() + budgetMs;
    list.push(item);
  }

  /** Ends `item`'s deadline (it finished); nothing when it is in no list. */
  remove(item: Timed): void {
    item.timedIn?.remove(item);
  }

  /** Everything still waiting for its deadline, oldest first per budget. */
  *items(): IterableIterator<Timed> {
    for (const list of this.lists.values()) for (let t = list.head; t; t = t.nextTimed) yield t;
  }
}

/** The requests of one budget, oldest first, and the timer of the oldest. */
class DeadlineList {
  head?: Timed;
  private tail?: Timed;
  private timer?: NodeJS.Timeout;
  /** When the timer fires (performance.now() time); `Infinity` when there is none. */
  private due = Infinity;

  push(item: Timed): void {
    item.timedIn = this;
    item.prevTimed = this.tail;
    item.nextTimed = undefined;
    if (this.tail) this.tail.nextTimed = item;
    else {
      this.head = item;
      this.arm();
    }
    this.tail = item;
  }

  remove(item: Timed): void {
    if (item.timedIn !== this) return;
    const { prevTimed: prev, nextTimed: next } = item;
    if (prev) prev.nextTimed = next;
    else this.head = next;
    if (next) next.prevTimed = prev;
    else this.tail = prev;
    item.prevTimed = item.nextTimed = item.timedIn = undefined;
    // Nothing in flight keeps the process alive for a deadline: the timer stays (for the next request), unref'd.
    if (!this.head) this.timer?.unref();
  }

  /** The timer fires by the oldest deadline (an earlier one kept: it fires and re-arms for the rest). */
  private arm(): void {
    const head = this.head!;
    if (this.timer && this.due <= head.deadline) {
      this.timer.ref();
      return;
    }
    clearTimeout(this.timer);
    const waitMs = Math.max(1, Math.ceil(head.deadline - performance.now()));
    this.due = performance.now() + waitMs;
    this.timer = setTimeout(this.fire, waitMs);
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    this.due = Infinity;
    const now = performance.now();
    while (this.head && this.head.deadline <= now) {
      const item = this.head;
      this.remove(item);
      item.expire();
    }
    if (this.head) this.arm();
  };
}

export type { DeadlineList };
