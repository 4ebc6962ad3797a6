import type { SwContext, SwDelivery } from './context.js';

/**
 * The judging verbs of the standard-webhooks checks. The standard's replies: "2xx success, 410 to disable,
 * 429/502/504 to slow down" (spec README). So a valid, correctly signed delivery must be taken (2xx), a forged
 * one refused (a 4xx that is neither 410, which tells the sender to disable the endpoint, nor 429, which tells
 * it to slow down), and nothing may get a 5xx or a hang.
 */

/** A reply in a few words, for "received: …". */
export function received(d: SwDelivery): string {
  const ex = d.exchange;
  if (ex.error && !ex.response) return `no reply (${ex.error.kind}: ${ex.error.message}) after ${Math.round(ex.timing.totalMs)} ms`;
  if (ex.error) return `HTTP ${ex.response?.status}, then ${ex.error.kind}: ${ex.error.message}`;
  const body = d.reply.body;
  const shown = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  return `HTTP ${d.reply.status}${body ? ` ${JSON.stringify(shown)}` : ' with an empty body'}`;
}

/** `HTTP 401`, `no complete reply`. */
export function statusOf(d: SwDelivery): string {
  return d.reply.missing ? 'no complete reply' : `HTTP ${d.reply.status}`;
}

/** True when the delivery was taken (2xx). */
export const accepted = (d: SwDelivery): boolean => !d.reply.missing && d.reply.status! >= 200 && d.reply.status! <= 299;
/** True when the delivery was refused with a 4xx. */
export const refused = (d: SwDelivery): boolean => !d.reply.missing && d.reply.status! >= 400 && d.reply.status! <= 499;

/** A 401/403 to a valid delivery usually means the wrong secret; say so. */
function hint(d: SwDelivery): string {
  if (d.reply.status === 401 || d.reply.status === 403) return ` (a ${d.reply.status}: is --secret the endpoint's whsec_ secret?)`;
  if (d.reply.status === 404) return ' (a 404: is --url the endpoint itself? the sender posts to exactly that URL)';
  return '';
}

/** The endpoint did not crash or hang: it answered, and not with a 5xx. */
export function expectNoServerError(t: SwContext, d: SwDelivery, what: string): void {
  if (d.reply.missing) t.fail(`${what}: no complete reply`, { expected: 'an HTTP reply within the budget', received: received(d) });
  if (d.reply.status! >= 500) t.fail(`${what}: the endpoint answered with a server error`, { expected: 'a 2xx or a 4xx, never a 5xx', received: received(d) });
}

/** A valid, correctly signed delivery is taken with a 2xx (anything else makes the sender retry, then disable the endpoint). */
export function expectAccepted(t: SwContext, d: SwDelivery, what: string): void {
  expectNoServerError(t, d, what);
  if (!accepted(d)) t.fail(`${what}: a valid, correctly signed delivery was refused${hint(d)}`, { expected: 'a 2xx ("2xx success")', received: received(d) });
}

/** A delivery that does not prove the secret (or is stale) is refused with a 4xx: never a 2xx, a 5xx or a hang. */
export function expectRejected(t: SwContext, d: SwDelivery, what: string): void {
  const expected = 'a 4xx (the libraries throw, the receiver answers 400 or 401), never a 2xx, a 5xx or a hang';
  if (d.reply.missing) t.fail(`${what}: no complete reply`, { expected, received: received(d) });
  if (accepted(d)) t.fail(`${what}: the delivery was accepted`, { expected, received: received(d) });
  if (d.reply.status! >= 500) t.fail(`${what}: the endpoint answered with a server error instead of refusing`, { expected, received: received(d) });
  if (!refused(d)) t.fail(`${what}: not refused`, { expected, received: received(d) });
}

/** The reply came in within `budgetMs`; a cut-off exchange (budget + grace) did not. */
export function withinBudget(d: SwDelivery, budgetMs: number): boolean {
  return !d.reply.missing && d.exchange.timing.totalMs <= budgetMs;
}

/** How long an exchange took, in words. */
export function took(d: SwDelivery): string {
  const ms = Math.round(d.exchange.timing.totalMs);
  return d.reply.missing ? `no reply after ${ms} ms (${d.exchange.error?.kind ?? 'cut off'})` : `${ms} ms`;
}
