/**
 * A cap on the requests in flight across a whole run (`--concurrency`): at most `width` at once, the others
 * wait their turn by priority (lower first), and first come, first served among equals. The runner gives the
 * checks that start first (the long ones, each a chain of requests one after another) the higher priority, so
 * their chains keep their pace while the short checks fill the slots left over; every waiter is served once
 * those ahead of it are.
 */
export class InFlightGate {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void; priority: number }> = [];

  constructor(readonly width: number) {
    if (!Number.isInteger(width) || width < 1) throw new Error(`hookcert: the in-flight cap must be a positive integer, not ${width}`);
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.active;
  }

  /** Requests waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** A slot at once, when one is free (give it back with the function returned); `undefined` when none is. */
  tryAcquire(): (() => void) | undefined {
    if (this.active >= this.width) return undefined;
    this.active++;
    return this.releaser();
  }

  /**
   * Waits for a slot, behind the waiters of a lower `priority` and those of the same that came first; resolves
   * with the function that gives it back (call it exactly once). Rejects with the reason of the first of
   * `signals` to abort, if one aborts first; the slot is then never taken.
   */
  acquire(priority: number, ...signals: Array<AbortSignal | undefined>): Promise<() => void> {
    const watched = signals.filter((s): s is AbortSignal => s !== undefined);
    const aborted = watched.find((s) => s.aborted);
    if (aborted) return Promise.reject(aborted.reason);
    const now = this.tryAcquire();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const stopWatching = () => {
        for (const s of watched) s.removeEventListener('abort', onAbort);
      };
      const entry = {
        priority,
        grant: () => {
          stopWatching();
          resolve(this.releaser());
        },
      };
      function onAbort(this: AbortSignal) {
        stopWatching();
        const i = waiting.indexOf(entry);
        if (i >= 0) waiting.splice(i, 1);
        reject(this.reason);
      }
      const waiting = this.waiting;
      for (const s of watched) s.addEventListener('abort', onAbort, { once: true });
      // Behind every waiter of the same priority or a lower one.
      const at = this.waiting.findIndex((w) => w.priority > priority);
      if (at < 0) this.waiting.push(entry);
      else this.waiting.splice(at, 0, entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line: `active` stays the same.
      if (next) next.grant();
      else this.active--;
    };
  }
}
