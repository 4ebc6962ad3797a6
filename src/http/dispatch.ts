import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';

/** What came back of one request, as far as it came: status and headers, and the body up to the cap. */
export interface Received {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  /** When undici began writing the request on a connected socket (performance.now()). */
  writtenAt?: number;
  /** When the status line and headers came (performance.now()). */
  headersAt?: number;
  /** When the last byte of the body came (performance.now()). */
  endedAt?: number;
  chunks: Buffer[];
  bytes: number;
  /** The body went past `limit` and was cut there (the connection is closed, the rest never read). */
  truncated: boolean;
}

/** One POST to send on the dispatcher. */
export interface Post {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
  /** Largest body read (the rest is cut). */
  limit: number;
  /** Largest body read when the reply declares more than the cap anyway. */
  declaredLimit: (declared: number) => number;
}

/**
 * undici's handler of one POST, and what it received: no response stream, no composed signals, no closures
 * (one object a request, its methods on the prototype). Once the request is over, {@link settled} is called
 * once: without an error when the reply came whole or was cut at the cap, else with undici's error (a reset, a
 * timeout, a refused connection, a reply that is not HTTP). `abort(reason)` ends it at once, whatever it is
 * waiting for. Subclasses say what settling does ({@link dispatchPost}: a promise).
 */
export abstract class PostHandler implements Dispatcher.DispatchHandler, Received {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  writtenAt?: number;
  headersAt?: number;
  endedAt?: number;
  chunks: Buffer[] = [];
  bytes = 0;
  truncated = false;
  private controller?: Dispatcher.DispatchController;
  private pending?: Error;
  private cap: number;
  private over = false;

  constructor(private readonly post: Post) {
    this.cap = post.limit;
  }

  /** Called once, when the request is over: `err` is undici's, when it did not end with a (cut) reply. */
  protected abstract settled(err: Error | undefined): void;

  /** Hands the request to `dispatcher`. */
  dispatch(dispatcher: Dispatcher): void {
    const post = this.post;
    dispatcher.dispatch(
      { origin: post.origin, path: post.path, method: 'POST', headers: post.headers, body: post.body, headersTimeout: post.timeoutMs, bodyTimeout: post.timeoutMs },
      this,
    );
  }

  /** Ends the request now, with `reason`. */
  abort(reason: Error): void {
    if (this.controller) return this.controller.abort(reason);
    this.pending = reason;
    // Aborted before the request reached a socket: undici may not call back at all.
    this.finish(reason);
  }

  onRequestStart(c: Dispatcher.DispatchController): void {
    this.writtenAt = performance.now();
    this.controller = c;
    if (this.pending) c.abort(this.pending);
  }

  onResponseStart(_c: Dispatcher.DispatchController, status: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = status;
    this.headers = headers;
    this.headersAt = performance.now();
    const length = headers['content-length'];
    const declared = Number(typeof length === 'string' ? length : NaN);
    if (declared > this.post.limit) this.cap = this.post.declaredLimit(declared);
  }

  onResponseData(c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.truncated) return;
    if (this.bytes + chunk.length > this.cap) {
      this.chunks.push(chunk.subarray(0, this.cap - this.bytes));
      this.bytes = this.cap;
      this.truncated = true;
      this.finish();
      c.abort(new Error('hookcert: the reply body passed the size cap'));
      return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  onResponseEnd(): void {
    this.endedAt = performance.now();
    this.finish();
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    this.finish(err);
  }

  private finish(err?: Error): void {
    if (this.over) return;
    this.over = true;
    this.settled(err && !this.truncated ? err : undefined);
  }
}

/** {@link PostHandler} as a promise: `done` resolves with what was received, or rejects with undici's error carrying it as `received`. */
class PromisedPost extends PostHandler {
  readonly done: Promise<Received>;
  private resolve!: (r: Received) => void;
  private reject!: (e: Error) => void;

  constructor(post: Post) {
    super(post);
    this.done = new Promise<Received>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  protected settled(err: Error | undefined): void {
    if (err) this.reject(Object.assign(err, { received: this }));
    else this.resolve(this);
  }
}

/**
 * Sends `post` through undici's dispatcher ({@link PostHandler}). Resolves with what was received (also when
 * the body was cut at the cap); rejects with undici's error carrying what had come so far as `received`.
 */
export function dispatchPost(dispatcher: Dispatcher, post: Post): { done: Promise<Received>; abort: (reason: Error) => void } {
  const handler = new PromisedPost(post);
  handler.dispatch(dispatcher);
  return handler;
}
