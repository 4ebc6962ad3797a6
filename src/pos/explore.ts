import { performance } from 'node:perf_hooks';
import { catalogueSize } from '../runner/catalogue.js';
import { NotSent } from '../runner/failure.js';
import type { MplusRequest } from '../protocol/mplus/requests.js';
import { FLOW_FEATURES, replyFeatures } from './coverage.js';
import { Exploration, TARGETS, type ExploreLimits, type Opener } from './exploration.js';
import { CASE_LANES, type MplusContext } from './context.js';
import { Candidates, type Candidate } from './explore-candidates.js';
import { sessionFrom } from './flows.js';
import { Till } from './till.js';

/**
 * Exploration (issue 12): a phase of its own before the checks, a coverage-guided search for requests that
 * open each flow. It tries every entry of the integrator's catalogue and of the spec's vocabulary where the
 * POS carries it, and generated requests of every event; then it steers towards what opened a flow before
 * (the same entry on fresh requests, the same entry in other events' sessions, more requests of the events
 * that answered with something). It is seeded (its own context) and bounded (requests and time); the flow
 * checks start from what it found. One event is also probed with `eventPolling: true` when the subscription
 * does not say whether it polls.
 */

export { Exploration, TARGETS, WANTED, type ExploreLimits, type Opener, type PollingProbe } from './exploration.js';

/** Requests in a row (after the first pass) that found nothing new before exploration calls the search done. */
export const PLATEAU = 40;

/**
 * The default bounds: 240 requests (120 with `--quick`), and 30 s or a tenth of `--max-run-time`, whichever
 * is shorter: a slow endpoint (a second a reply) is explored for 30 s, not minutes.
 */
export function exploreLimits(t: MplusContext): ExploreLimits {
  return { requests: t.options.exploreRequests ?? (t.options.quick ? 120 : 240), ms: Math.min(30_000, Math.max(1_000, t.options.maxRunMs / 10)) };
}

/** Deliveries in a row without a complete reply after which exploration leaves the endpoint to the checks. */
export const UNANSWERED = 3;

/** Candidates in a row left out (their event proven over its budget) after which exploration gives up. */
const LEFT_OUT = 100;

/**
 * Runs the exploration phase on its own context (the runner's `explore` hook); `undefined` with a bound of 0
 * requests (`--explore 0`). It stops early when {@link UNANSWERED} requests in a row get no complete reply: a
 * hanging endpoint is the checks' to judge, not exploration's to wait for.
 */
export async function explore(t: MplusContext, limits: ExploreLimits = exploreLimits(t)): Promise<Exploration | undefined> {
  if (limits.requests === 0) return undefined;
  const x = new Exploration(limits);
  const started = performance.now();
  const candidates = new Candidates(t, x);
  let quiet = 0;
  let unanswered = 0;
  let leftOut = 0;
  const sent = () => t.sample.count;
  try {
    for (;;) {
      if (sent() >= limits.requests) {
        x.summary.ended = 'requests';
        break;
      }
      if (performance.now() - started >= limits.ms) {
        x.summary.ended = 'time';
        break;
      }
      if (x.done() || (candidates.phaseAOver && quiet >= PLATEAU)) break;
      if (unanswered >= UNANSWERED) {
        x.summary.ended = 'unanswered';
        break;
      }
      const batch = nextBatch(candidates, limits.requests - sent());
      if (batch.length === 0) break;
      for (const c of batch) x.summary.tried[c.via]++;
      // A batch of one goes on lane 0; a batch of several goes slot j on lane j + 1, all at once.
      const outcomes = await Promise.allSettled(batch.length === 1 ? [tryCandidate(t, x, batch[0])] : batch.map((c, j) => t.onLane(j + 1, () => tryCandidate(t, x, c))));
      // What came back is taken in the batch's order, never in the order the replies arrived.
      for (const [j, outcome] of outcomes.entries()) {
        const c = batch[j];
        x.events.add(c.event);
        if (outcome.status === 'rejected') {
          // An event proven over its budget (here or by the probe) is not waited on: the timing checks judge it.
          const err: unknown = outcome.reason;
          if (!(err instanceof NotSent && err.why === 'over-budget') || ++leftOut >= LEFT_OUT) throw err;
          candidates.feedback(c, [], []);
          continue;
        }
        leftOut = 0;
        const { features, answered } = outcome.value;
        unanswered = answered ? 0 : unanswered + 1;
        const opener: Opener = { event: c.event, template: c.template, via: c.via, ...(c.pin ? { pin: c.pin.label } : {}) };
        const found = x.note(features, opener) ? features.filter((f) => TARGETS.includes(f)) : [];
        candidates.feedback(c, found, features);
        quiet = found.length > 0 ? 0 : quiet + 1;
      }
    }
  } catch (err) {
    x.summary.ended = 'error';
    x.summary.error = err instanceof Error ? err.message : String(err);
  }
  x.summary.requests = sent();
  x.summary.durationMs = Math.round(performance.now() - started);
  return x;
}

/** Candidates sent at once (the default `--concurrency`; nothing else is in flight): a remote endpoint's round trip sets the pace. */
export const BATCH = 4 * CASE_LANES;

/**
 * The next batch: at most {@link BATCH} candidates and at most `room` (at least one), sent at once; empty when
 * nothing is left to try. What the endpoint answers over budget the timing baseline (MP-TIM-001, which runs
 * before exploration) has proven already: exploration leaves it out. A batch depends only on the candidates'
 * order.
 */
export function nextBatch(candidates: Pick<Candidates, 'next'>, room: number): Candidate[] {
  const batch: Candidate[] = [];
  for (let c; batch.length < Math.max(1, Math.min(BATCH, room)) && (c = candidates.next()); ) batch.push(c);
  return batch;
}

/**
 * Sends one candidate as the POS does (no dialog or form answered, a polling process cancelled after its
 * first round): the features its reply carried (none for the probe or a refusal), and whether a complete reply
 * came back. What is new among them is for the caller to note, in the candidates' order.
 */
async function tryCandidate(t: MplusContext, x: Exploration, c: Candidate): Promise<{ features: string[]; answered: boolean }> {
  const till = new Till(t, 0);
  till.open(sessionFrom(t, c.template));
  const payment = c.event === 'startExternalPayment' ? startPayment(till, c.template, t.freshId('external-payment')) : undefined;
  const conv = await till.send(c.event, payment ? { externalPayment: payment } : {}, { template: c.template, polling: { cancelAfter: 1 } });
  const first = conv.steps[0];
  if (c.probe && first) x.pollingProbe = { event: c.event, polls: !!first.reply.polling && typeof first.reply.polling === 'object', template: c.template };
  // A payment the exploration started is given up as the POS user gives one up: the courtesy cancel.
  if (payment && till.session?.externalPayment?.status === 'started' && t.event('cancelExternalPayment'))
    await till.send('cancelExternalPayment', { externalPayment: payment });
  // The probe's request polls where the subscription does not: it serves the polling checks only.
  const answered = !!first && !first.delivery.reply.missing;
  if (c.probe || !first || first.delivery.reply.status === undefined || first.delivery.reply.status >= 300) return { features: [], answered };
  return { features: replyFeatures(first.reply), answered };
}

/** The session of `till` in the payment screen with a requested external payment, as the POS has it before startExternalPayment. */
function startPayment(till: Till, template: MplusRequest, externalPaymentId: string): Record<string, unknown> {
  const given = template.externalPayment as { amount: number; method: string };
  const session = till.session!;
  session.paymentStarted = true;
  session.externalPayment = { externalPaymentId, amount: given.amount, method: given.method, status: 'requested' };
  return { externalPaymentId, amount: given.amount, method: given.method };
}

/** How many catalogue entries the subscription gives (for the coverage hints). */
export function catalogueEntries(t: MplusContext): number {
  return catalogueSize(t.sub.catalogue);
}
