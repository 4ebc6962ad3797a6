/**
 * A cap on the requests in flight across a whole run (`--concurrency`): at most `width` at once, the others
 * wait their turn in the order they asked (first come, first served, so no check starves the others).
 */
export class InFlightGate {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void }> = [];

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

  /**
   * Waits for a slot; resolves with the function that gives it back (call it exactly once). Rejects with the
   * signal's reason when `signal` aborts first; the slot is then never taken.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.width) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
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
