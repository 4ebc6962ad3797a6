/**
 * Request handlers of the reference receivers, the mutants and the tests' recording receivers: a Fetch
 * `Request` in, a `Response` out (or `undefined`: the next handler answers). The same handlers serve unit
 * tests, end-to-end tests and `hookcert demo` over real HTTP (`server.ts`). hookcert's own few lines instead of
 * a mocking library: nothing to install beside it, no install script.
 */

/** What a handler is given: the request (its own copy, the body unread) and the path's parameters. */
export interface HandlerInput {
  request: Request;
  /** `event`: the last segment of the path, for the `'*\/:event'` pattern. */
  params: Record<string, string>;
}

/** A handler of one method and path pattern. */
export interface RequestHandler {
  method: string;
  pattern: '*' | '*/:event';
  resolve(input: HandlerInput): Promise<Response | undefined> | Response | undefined;
}

/**
 * A handler of `POST` requests: `'*'` takes every path, `'*\/:event'` every path with at least one segment,
 * the last one given as `params.event` (`POST /webhooks/scanCode` → `scanCode`).
 */
function post(pattern: RequestHandler['pattern'], resolve: RequestHandler['resolve']): RequestHandler {
  return { method: 'POST', pattern, resolve };
}

/** The handlers by method, as `http.post(…)` reads. */
export const http = { post };

/** The parameters of `pattern` in `url`, or `undefined` when it does not match. */
function match(pattern: RequestHandler['pattern'], url: URL): Record<string, string> | undefined {
  if (pattern === '*') return {};
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  try {
    return { event: decodeURIComponent(last) };
  } catch {
    return { event: last };
  }
}

/** The first response a handler gives to `request`, in order; `undefined` when none answers. */
export async function getResponse(handlers: readonly RequestHandler[], request: Request): Promise<Response | undefined> {
  const url = new URL(request.url);
  for (const h of handlers) {
    if (h.method !== request.method) continue;
    const params = match(h.pattern, url);
    if (!params) continue;
    const response = await h.resolve({ request: request.clone(), params });
    if (response) return response;
  }
  return undefined;
}
