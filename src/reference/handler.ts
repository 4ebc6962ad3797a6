/**
 * The request handlers of the reference receivers, the mutants and the tests' recording receivers are msw
 * handlers (`http.post('*' | '*\/:event', ({ request, params }) => Response | undefined)`: a Fetch `Request` in, a
 * `Response` out, or `undefined` to let the next handler answer). They are served over real HTTP by `server.ts`
 * through msw's `getResponse`, the way @mswjs/http-middleware does, without its Express. Only `demo`, `serve` and
 * the tests load this module (the profile registry imports the reference receivers lazily): `import 'hookcert'`
 * and `hookcert run` never load msw. A handler that reads the body and lets the request through reads a clone
 * (`request.clone()`): msw hands every handler the same request.
 */
export { getResponse, http } from 'msw';
export type { RequestHandler } from 'msw';
