/**
 * Judging helpers of the robustness, errors and timing areas (beside `judge.ts`): what a reply to a valid
 * request must survive, how a request that must be refused may be refused, and whether it came in time.
 * @module
 */
import type fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { withIdentity, type MplusRequest } from '../protocol/mplus/requests.js';
import { deriveSeed } from '../runner/seed.js';
import { CASE_LANES, type Delivery, type MplusContext } from './context.js';
import { expectNoServerError, received, replyProblems, toleratedWarning } from './judge.js';

/** Property cases per event for a `share` of the robustness budget (`--runs` cases per event in all). */
export function robustnessRuns(t: MplusContext, share = 1): number {
  return Math.max(1, Math.ceil(t.options.runs * share));
}

/** The reply to a valid request is usable: no 5xx, no hang, and empty or valid against the reply schema. */
export function expectUsableReply(t: MplusContext, d: Delivery, what: string): void {
  expectNoServerError(t, d, what);
  const problems = replyProblems(d);
  if (problems)
    t.fail(`${what}: the reply is not a valid MplusKASSA reply: ${problems}`, {
      expected: 'an empty body, or a JSON object valid against the reply schema',
      received: received(d),
    });
}

/**
 * A valid request came back without a 5xx, a hang or an invalid reply, and was not refused (spec README,
 * Transport: "The integrator answers 200 on success … with a JSON body; an empty body is allowed"). A refusal
 * the reading of the spec tolerates (an open form, a made-up reference) warns; any other refusal fails.
 */
export function expectRobust(t: MplusContext, d: Delivery, what: string): void {
  expectUsableReply(t, d, what);
  const status = d.reply.status!;
  if (status >= 200 && status <= 299) return;
  const tolerated = toleratedWarning(t, d);
  if (tolerated) return t.warn(tolerated);
  t.fail(`${what}: a valid request was refused with ${statusAndCode(d)}`, {
    expected: 'HTTP 200: the request is valid under every reading of the spec ("The integrator answers 200 on success")',
    received: received(d),
  });
}

/** Share of the check's time limit its robustness cases may use; the rest is left for shrinking and judging. */
const CASE_SHARE = 0.75;
const deadlines = new WeakMap<MplusContext, number>();

/**
 * For each of `events`, delivers `runs` requests built by `build` and expects each reply to be robust
 * ({@link expectRobust}); fast-check shrinks a failing request to the smallest that still breaks the
 * endpoint, and every failing event shows its own (`t.perKind`). A case is sent only while the check has time
 * left; one that is not is not judged, and a MUST check that did not judge all its cases ends `error`.
 */
export async function expectRobustOver(t: MplusContext, events: readonly string[], build: (event: string) => fc.Arbitrary<MplusRequest>, runs: number, kind: string): Promise<void> {
  if (!deadlines.has(t)) deadlines.set(t, performance.now() + t.options.checkTimeoutMs * CASE_SHARE);
  const deadline = deadlines.get(t)!;
  await t.perKind(events, (event) => event, async (event) => {
    await t.property(
      build(event),
      async (request) => {
        if (performance.now() > deadline) return t.unjudged('the check ran out of time (slow replies): run with fewer --runs or fewer --events');
        const d = await t.deliver(event, request);
        expectRobust(t, d, `${event} with ${kind}`);
      },
      // Each event's cases have a seed of their own: the same requests whatever other events are subscribed.
      { runs, seed: deriveSeed(t.seed, `${kind}:${event}`), lanes: CASE_LANES },
    );
  }, { lanes: CASE_LANES });
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
