/**
 * Judging helpers of the robustness, errors and timing areas (beside `judge.ts`): what a reply to a valid
 * request must survive, how a request that must be refused may be refused, and whether it came in time.
 * @module
 */
import fc from 'fast-check';
import { withIdentity, type MplusRequest } from '../protocol/mplus/requests.js';
import type { Delivery, MplusContext } from './context.js';
import { expectNoServerError, received, replyProblems } from './judge.js';

/** A generated request and the event it is for: what a robustness property shows as its counterexample. */
export interface EventRequest {
  event: string;
  request: MplusRequest;
}

/** One generated request of any of `events` (shrinks towards the first event), built by `build`. */
export function eventRequests(events: readonly string[], build: (event: string) => fc.Arbitrary<MplusRequest>): fc.Arbitrary<EventRequest> {
  return fc.constantFrom(...events).chain((event) => build(event).map((request) => ({ event, request })));
}

/**
 * `request` without `session.lines` when that is empty: `lines` is optional (schemas/mplus/request/session.schema.json;
 * the vendor's startSession example carries only a sessionId), but the request generator always fills it in.
 */
export function withoutEmptyLines(request: MplusRequest): MplusRequest {
  if (request.session?.lines?.length !== 0) return request;
  const { lines: _, ...session } = request.session;
  return { ...request, session };
}

/** Property cases for a `share` of the robustness budget: `--runs` per subscribed event. */
export function robustnessRuns(t: MplusContext, events: readonly string[], share = 1): number {
  return Math.max(1, Math.ceil(t.options.runs * events.length * share));
}

/**
 * A valid request came back without a 5xx, a hang or an invalid reply (spec README, Transport: "200 on
 * success … with a JSON body; an empty body is allowed"). Refusing it (a 4xx) is not a crash: a warning.
 */
export function expectRobust(t: MplusContext, d: Delivery, what: string): void {
  expectNoServerError(t, d, what);
  const problems = replyProblems(d);
  if (problems)
    t.fail(`${what}: the reply is not a valid MplusKASSA reply: ${problems}`, {
      expected: 'an empty body, or a JSON object valid against the reply schema',
      received: received(d),
    });
  const status = d.reply.status!;
  if (status < 200 || status > 299) t.warn(`${d.event}: a valid request was refused with ${statusAndCode(d)}; the integrator answers 200 on success`);
}

/** Share of the check's time limit its robustness cases may use; the rest is left for shrinking and judging. */
const CASE_SHARE = 0.75;
const deadlines = new WeakMap<MplusContext, number>();

/**
 * Delivers every case of `arb` and expects each reply to be robust ({@link expectRobust}); fast-check
 * shrinks a failing case to the smallest request that still breaks the endpoint. Cases are sent only while
 * the check has time left (a slow endpoint would otherwise end the check as an `error`): the cases left out
 * are a warning, and a shrink cut short reports the smallest failing request found so far.
 */
export async function expectRobustOver(t: MplusContext, arb: fc.Arbitrary<EventRequest>, runs: number, kind: string): Promise<void> {
  if (!deadlines.has(t)) deadlines.set(t, performance.now() + t.options.checkTimeoutMs * CASE_SHARE);
  const deadline = deadlines.get(t)!;
  let left = 0;
  await t.property(
    arb,
    async ({ event, request }) => {
      if (performance.now() > deadline) {
        left++;
        return;
      }
      const d = await t.deliver(event, request);
      expectRobust(t, d, `${event} with ${kind}`);
    },
    { runs },
  );
  if (left > 0) t.warn(`${left} of ${runs} cases with ${kind} were not sent: the check ran out of time (slow replies); run with fewer --runs or fewer --events`);
}

/** How a request that must be refused is refused. */
export interface Refusal {
  /** The event and the fault, for failure messages: `startSession with truncated JSON`. */
  what: string;
  /** The fault alone, for warnings (shared by every event): `truncated JSON`. */
  fault: string;
  /** The vendor's codes for this fault (a 400 with one of them is the vendor's way). */
  codes: readonly string[];
  /** A 2xx is a failure (`fail`) or a lenient acceptance the spec does not forbid (`warn`). */
  accepted: 'fail' | 'warn';
}

/**
 * A bad request is refused cleanly: never a 5xx or a hang; 400 with one of the vendor's codes is right,
 * another 4xx is accepted with a warning; a 2xx fails or warns as `r.accepted` says; anything else fails.
 */
export function expectRefusedCleanly(t: MplusContext, d: Delivery, r: Refusal): void {
  const expected = `HTTP 400 with error.code ${r.codes.join(' or ')} (any 4xx is tolerated), never a 5xx`;
  if (d.reply.missing) t.fail(`${r.what}: no complete reply`, { expected, received: received(d) });
  const status = d.reply.status!;
  if (status >= 500) t.fail(`${r.what}: the endpoint answered with a server error`, { expected, received: received(d) });
  if (status >= 200 && status <= 299) {
    if (r.accepted === 'fail') t.fail(`${r.what}: the request was accepted`, { expected, received: received(d) });
    t.warn(`a request with ${r.fault} was accepted with ${statusAndCode(d)}; the vendor's way is ${expected}`);
    return;
  }
  if (status === 400 && d.reply.errorCode && r.codes.includes(d.reply.errorCode)) return;
  if (status >= 400 && status <= 499) {
    t.warn(`a request with ${r.fault} was refused with ${statusAndCode(d)}; the vendor's way is HTTP 400 with error.code ${r.codes.join(' or ')}`);
    return;
  }
  t.fail(`${r.what}: not refused`, { expected, received: received(d) });
}

/** `HTTP 400 INVALID_JSON`, `HTTP 415 (no error.code)`: a reply in the few words a warning needs. */
export function statusAndCode(d: Delivery): string {
  if (d.reply.missing) return 'no complete reply';
  return `HTTP ${d.reply.status} ${d.reply.errorCode ?? '(no error.code)'}`;
}

/** The reply came in within `budgetMs`; a cut-off exchange (budget + grace) did not. */
export function withinBudget(d: Delivery, budgetMs: number): boolean {
  return !d.reply.missing && d.exchange.timing.totalMs <= budgetMs;
}

/** How long an exchange took, in words: `312 ms`, `no reply after 5000 ms (timeout)`. */
export function took(d: Delivery): string {
  const ms = Math.round(d.exchange.timing.totalMs);
  return d.reply.missing ? `no reply after ${ms} ms (${d.exchange.error?.kind ?? 'cut off'})` : `${ms} ms`;
}

/** `request` with a fresh identity of the default workplace, as the POS would send it (for raw bodies). */
export function stampedRequest(t: MplusContext, request: MplusRequest): MplusRequest {
  return withIdentity(request, t.workplace().next());
}
