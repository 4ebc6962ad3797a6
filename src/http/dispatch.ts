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
 * Sends `post` through undici's dispatcher with a handler of our own: no response stream, no composed
 * signals, one promise. Resolves with what was received (also when the body was cut at the cap); rejects with
 * undici's error (a reset, a timeout, a refused connection, a reply that is not HTTP) carrying what had come
 * so far as `received`. `abort(reason)` ends it at once, whatever it is waiting for.
 */
export function dispatchPost(dispatcher: Dispatcher, post: Post): { done: Promise<Received>; abort: (reason: Error) => void } {
  const received: Received = { chunks: [], bytes: 0, truncated: false };
  let controller: Dispatcher.DispatchController | undefined;
  let pending: Error | undefined;
  let limit = post.limit;
  let settle!: { resolve: (r: Received) => void; reject: (e: Error) => void };
  let settled = false;
  const done = new Promise<Received>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (err?: Error) => {
    if (settled) return;
    settled = true;
    if (err && !received.truncated) settle.reject(Object.assign(err, { received }));
    else settle.resolve(received);
  };
  const handler: Dispatcher.DispatchHandler = {
    onRequestStart(c) {
      received.writtenAt = performance.now();
      controller = c;
      if (pending) c.abort(pending);
    },
    onResponseStart(_c, status, headers) {
      received.status = status;
      received.headers = headers;
      received.headersAt = performance.now();
      const declared = Number(typeof headers['content-length'] === 'string' ? headers['content-length'] : NaN);
      if (declared > post.limit) limit = post.declaredLimit(declared);
    },
    onResponseData(c, chunk) {
      if (received.truncated) return;
      if (received.bytes + chunk.length > limit) {
        received.chunks.push(chunk.subarray(0, limit - received.bytes));
        received.bytes = limit;
        received.truncated = true;
        finish();
        c.abort(new Error('hookcert: the reply body passed the size cap'));
        return;
      }
      received.chunks.push(chunk);
      received.bytes += chunk.length;
    },
    onResponseEnd() {
      received.endedAt = performance.now();
      finish();
    },
    onResponseError(_c, err) {
      finish(err);
    },
  };
  const url = post;
  dispatcher.dispatch(
    { origin: url.origin, path: url.path, method: 'POST', headers: post.headers, body: post.body, headersTimeout: post.timeoutMs, bodyTimeout: post.timeoutMs },
    handler,
  );
  return {
    done,
    abort(reason) {
      if (controller) controller.abort(reason);
      else pending = reason;
      // Aborted before the request reached a socket: undici may not call back at all.
      if (!controller) finish(reason);
    },
  };
}
