import type { KopokopoContext, KopokopoDelivery } from './context.js';

/**
 * The judging verbs of the kopokopo checks. Kopo Kopo publishes no reply code, timeout or retry policy;
 * "SDK receivers answer 200 on success and 401 on a bad signature" (spec README). So: a valid, correctly
 * signed delivery must be acknowledged (2xx; anything else is a delivery the merchant lost), a forged one
 * refused (4xx, 401 being the SDKs' way), and nothing may get a 5xx or a hang.
 */

/** A reply in a few words, for "received: …". */
export function received(d: KopokopoDelivery): string {
  const ex = d.exchange;
  if (ex.error && !ex.response) return `no reply (${ex.error.kind}: ${ex.error.message}) after ${Math.round(ex.timing.totalMs)} ms`;
  if (ex.error) return `HTTP ${ex.response?.status}, then ${ex.error.kind}: ${ex.error.message}`;
  const body = d.reply.body;
  const shown = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  return `HTTP ${d.reply.status}${body ? ` ${JSON.stringify(shown)}` : ' with an empty body'}`;
}

/** `HTTP 401`, `no complete reply`: a reply in the fewest words. */
export function statusOf(d: KopokopoDelivery): string {
  return d.reply.missing ? 'no complete reply' : `HTTP ${d.reply.status}`;
}

const is2xx = (d: KopokopoDelivery) => !d.reply.missing && d.reply.status! >= 200 && d.reply.status! <= 299;
const is4xx = (d: KopokopoDelivery) => !d.reply.missing && d.reply.status! >= 400 && d.reply.status! <= 499;

/** True when the delivery was acknowledged (2xx). */
export const acknowledged = is2xx;
/** True when the delivery was refused with a 4xx. */
export const refused = is4xx;

/** A 404 usually means the topic is not routed there, a 401/403 the wrong key: say what to check. */
function hint(d: KopokopoDelivery): string {
  if (d.reply.status === 404)
    return ` (a 404: if the endpoint does not take ${d.topic}, leave it out with --events, or give its URL under "topics" in the config file)`;
  if (d.reply.status === 401 || d.reply.status === 403)
    return ` (a ${d.reply.status}: is --secret the endpoint's API key? Kopo Kopo keys the HMAC with the API key as text, not the client secret)`;
  return '';
}

/** The endpoint did not crash or hang: it answered, and not with a 5xx. */
export function expectNoServerError(t: KopokopoContext, d: KopokopoDelivery, what: string): void {
  if (d.reply.missing) t.fail(`${what}: no complete reply`, { expected: 'an HTTP reply within the budget', received: received(d) });
  if (d.reply.status! >= 500) t.fail(`${what}: the endpoint answered with a server error`, { expected: 'a 2xx or a 4xx, never a 5xx', received: received(d) });
}

/** A valid, correctly signed delivery is acknowledged with a 2xx (else Kopo Kopo counts it as not delivered). */
export function expectAcknowledged(t: KopokopoContext, d: KopokopoDelivery, what: string): void {
  expectNoServerError(t, d, what);
  if (!is2xx(d))
    t.fail(`${what}: a valid, correctly signed delivery was refused${hint(d)}`, {
      expected: 'a 2xx (the SDK receivers answer 200)',
      received: received(d),
    });
}

/** A delivery whose signature does not prove the API key is refused with a 4xx: never a 2xx, a 5xx or a hang. */
export function expectRejected(t: KopokopoContext, d: KopokopoDelivery, what: string): void {
  const expected = 'a 4xx (the SDK receivers answer 401), never a 2xx, a 5xx or a hang';
  if (d.reply.missing) t.fail(`${what}: no complete reply`, { expected, received: received(d) });
  if (is2xx(d)) t.fail(`${what}: the forged delivery was accepted`, { expected, received: received(d) });
  if (d.reply.status! >= 500) t.fail(`${what}: the endpoint answered with a server error instead of refusing`, { expected, received: received(d) });
  if (!is4xx(d)) t.fail(`${what}: not refused`, { expected, received: received(d) });
}

/** The reply came in within `budgetMs`; a cut-off exchange (budget + grace) did not. */
export function withinBudget(d: KopokopoDelivery, budgetMs: number): boolean {
  return !d.reply.missing && d.exchange.timing.totalMs <= budgetMs;
}

/** How long an exchange took, in words: `312 ms`, `no reply after 7000 ms (timeout)`. */
export function took(d: KopokopoDelivery): string {
  const ms = Math.round(d.exchange.timing.totalMs);
  return d.reply.missing ? `no reply after ${ms} ms (${d.exchange.error?.kind ?? 'cut off'})` : `${ms} ms`;
}
