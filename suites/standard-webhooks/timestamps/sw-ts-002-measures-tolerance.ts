import type { SwContext } from '../../../src/protocol/standard-webhooks/context.js';
import { accepted, received } from '../../../src/protocol/standard-webhooks/judge.js';
import { describeSide, noteTolerance, STANDARD_TOLERANCE_S } from '../../../src/protocol/standard-webhooks/tolerance.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** The farthest offset probed each way (a day): a receiver that takes that does not bound the timestamp here. */
const PROBED_UP_TO = 86_400;
/** How far a measured side may be from the standard's 300 s and still count as it (clock ticks while measuring). */
const CLOCK_SLACK_S = 2;
/** A tolerance shorter than this refuses a sender's ordinary delay (queues, retries, clock drift). */
const SHORTEST = 60;
/** A tolerance longer than this keeps a captured delivery replayable for too long. */
const LONGEST = 2 * STANDARD_TOLERANCE_S;

/**
 * The largest offset (seconds, `sign` −1 past, +1 future) the endpoint accepts, by bisection over fresh, correctly
 * signed deliveries; `undefined` when even {@link PROBED_UP_TO} is accepted.
 */
async function bound(t: SwContext, type: string, sign: -1 | 1): Promise<number | undefined> {
  if (accepted(await t.send(type, {}, { skewSeconds: sign * PROBED_UP_TO }))) return undefined;
  let taken = 0;
  let refused = PROBED_UP_TO;
  while (refused - taken > 1) {
    const mid = Math.floor((taken + refused) / 2);
    if (accepted(await t.send(type, {}, { skewSeconds: sign * mid }))) taken = mid;
    else refused = mid;
  }
  return taken;
}

export default swCheck({
  id: 'SW-TS-002',
  title: `SHOULD enforce a timestamp tolerance close to the standard's 5 minutes each way (between ${SHORTEST} s and ${LONGEST / 60} min; the tolerance measured is reported)`,
  level: 'SHOULD',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.tolerance },
  exclusive: true,
  async run(t) {
    const type = typesOf(t)[0];
    const now = await t.send(type);
    if (!accepted(now)) t.skip(`not exercised: a correctly signed ${type} stamped now was refused (${received(now)}), so there is no tolerance to measure (SW-SIG-001 says why)`);
    const past = await bound(t, type, -1);
    const future = await bound(t, type, 1);
    noteTolerance(t.deps.recorder, { past, future, probedUpTo: PROBED_UP_TO });
    const sides = [
      { name: 'past', s: past },
      { name: 'future', s: future },
    ];
    const off = sides.filter((x) => x.s === undefined || x.s < SHORTEST || x.s > LONGEST);
    const measured = `past ${describeSide(past, PROBED_UP_TO)}, future ${describeSide(future, PROBED_UP_TO)}`;
    if (off.length > 0)
      t.fail(`the tolerance enforced is ${measured}: ${off.map((x) => (x.s === undefined ? `${x.name} not bounded` : x.s < SHORTEST ? `${x.name} shorter than ${SHORTEST} s` : `${x.name} longer than ${LONGEST / 60} min`)).join(', ')}`, {
        expected: `a tolerance of about ${STANDARD_TOLERANCE_S} s (5 min) each way, as the standard's libraries enforce`,
        received: `${measured} (bisection to the second over fresh, correctly signed deliveries of ${type}; ${received(now)} when stamped now)`,
      });
    // A second may tick between stamping and the receiver's reading of its clock: 2 s either way is the standard's.
    const near = (x: number | undefined) => x !== undefined && Math.abs(x - STANDARD_TOLERANCE_S) <= CLOCK_SLACK_S;
    if (off.length === 0 && (!near(past) || !near(future))) t.warn(`the tolerance enforced is ${measured}, not the libraries' ${STANDARD_TOLERANCE_S} s each way`);
  },
});
