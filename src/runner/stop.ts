import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

/**
 * Why and when a run stops early: an interruption (SIGINT/SIGTERM, an aborted signal), the time limit of the
 * whole run, or an endpoint that stopped answering. The first reason wins; the run then ends `incomplete`
 * with every check judged before it, and the check in flight is left behind (its requests are aborted).
 */
export class RunStop {
  private readonly controller = new AbortController();
  private timer?: NodeJS.Timeout;
  /** Why the run stopped, once it has. */
  reason?: string;

  constructor(external: AbortSignal | undefined, maxRunMs: number) {
    // Every check running side by side waits on this signal.
    setMaxListeners(0, this.controller.signal);
    if (external?.aborted) this.stop('the run was interrupted');
    external?.addEventListener('abort', () => this.stop('the run was interrupted'), { once: true });
    if (Number.isFinite(maxRunMs) && maxRunMs > 0) {
      this.timer = setTimeout(() => this.stop(`the run reached its time limit of ${duration(maxRunMs)} (--max-run-time)`), maxRunMs);
      this.timer.unref();
    }
  }

  /** Aborted when the run stops. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  /** Stops the run for `reason` (only the first reason is kept). */
  stop(reason: string): void {
    if (this.stopped) return;
    this.reason = reason;
    clearTimeout(this.timer);
    this.controller.abort(reason);
  }

  /** `work`'s value, or `undefined` as soon as the run stops (the work is left to end on its own). */
  async race<T>(work: Promise<T>): Promise<T | undefined> {
    if (this.stopped) {
      work.catch(() => undefined);
      return undefined;
    }
    let onStop: (() => void) | undefined;
    const stopped = new Promise<undefined>((resolve) => {
      onStop = () => resolve(undefined);
      this.signal.addEventListener('abort', onStop, { once: true });
    });
    try {
      return await Promise.race([work, stopped]);
    } finally {
      this.signal.removeEventListener('abort', onStop!);
      work.catch(() => undefined);
    }
  }

  /** Ends the time limit (the run is over). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** `90 s`, `30 min`, `1500 ms`. */
export function duration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

const scope = new AsyncLocalStorage<{ crash: (err: unknown) => void; settled: boolean }>();

/**
 * Runs `work` so that an error thrown by anything it started (a timer callback, an unawaited promise) rejects
 * the result instead of killing the process: a crash inside a check is that check's `error` verdict. The
 * process-level hooks that route such errors here are installed by the CLI ({@link routeStrayError}).
 */
export function guarded<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const store = {
      settled: false,
      crash: (err: unknown) => {
        store.settled = true;
        reject(err);
      },
    };
    scope.run(store, () =>
      work().then(
        (v) => {
          store.settled = true;
          resolve(v);
        },
        (e: unknown) => {
          store.settled = true;
          reject(e);
        },
      ),
    );
  });
}

/**
 * Hands an uncaught exception or unhandled rejection to the guarded work that started it. Returns false when
 * no running guarded work owns it (the caller decides what to do with it then).
 */
export function routeStrayError(err: unknown): boolean {
  const store = scope.getStore();
  if (!store || store.settled) return false;
  store.crash(err);
  return true;
}
