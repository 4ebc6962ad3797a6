import type { Subscription } from './subscription.js';
import type { CheckContext } from './context.js';
import type { CheckIdentity } from './types.js';

/**
 * A check of the checklist: one rule of the spec, with a stable id, its level and the spec line it enforces.
 * `run` asks the simulator for exchanges and judges them; it throws through `t.fail` / `t.skip`.
 */
export interface CheckDefinition<C extends CheckContext = CheckContext> extends CheckIdentity {
  /** `true` when the check applies to this subscription, else the reason it is skipped. */
  appliesTo?: (sub: Subscription) => true | string;
  /**
   * The check needs the endpoint to itself (timing baselines, concurrency load): the scheduler runs it alone,
   * with no other check in flight. @defaultValue shares the endpoint with the checks beside it
   */
  exclusive?: true;
  /**
   * When the check runs. `first`: before the exploration phase, alone, right after the probe (the timing
   * baseline: its requests have the endpoint to themselves, and what it proves over budget is left out by
   * exploration and every check after it); `early`: cheap, decisive checks (reachability, signatures, timing)
   * that run first among the checks, so what they prove is known in the first seconds; `late`: run-wide checks
   * that judge what the whole run saw (they start once every other check has ended). @defaultValue between
   * `early` and `late`, side by side
   */
  order?: 'first' | 'early' | 'late';
  /**
   * The check sends requests that wait on each other (whole session lives, conversations, every event in turn),
   * dozens to hundreds in a row: it starts first among the checks of its phase, and its requests get a slot
   * before those of the other checks, so that it does not end the run alone after the short ones. Only the order
   * checks start and wait in changes, never what they send. @defaultValue starts in plan order
   */
  long?: true;
  /**
   * The run's stage whose work the check judges (`MplusContext.stage`: deliveries sent once for every check that
   * judges them). Checks that share a stage are kept in one shard (`--shard`), so the stage is sent once however
   * the run is split; a check that uses a stage it does not declare crashes (`error`).
   */
  shares?: string;
  /**
   * The check's subject is how fast replies come (timing budgets, polling rounds, payment polls): it sends to
   * labels proven over their budget and judges that lateness. Every other check leaves such a label out, `not
   * exercised: … proven over its budget by …`, never `error`. @defaultValue leaves proven labels out
   */
  judgesLateness?: true;
  /**
   * Runs the check. `t.signal` is aborted when the check times out or the run stops: nothing more of the
   * check is sent after that.
   */
  run(t: C): Promise<void>;
}

const ID = /^(MP|KK|SW)-[A-Z]{2,4}-\d{3}$/;

/** Declares a check; refuses ids, titles and levels that do not follow the conventions. */
export function check<C extends CheckContext>(def: CheckDefinition<C>): CheckDefinition<C> {
  if (!ID.test(def.id)) throw new Error(`hookcert: check id ${def.id} is not of the form MP-ABC-001`);
  if (!def.title.startsWith(def.level)) throw new Error(`hookcert: the title of ${def.id} must start with its level ${def.level}`);
  if (!def.spec.quote) throw new Error(`hookcert: ${def.id} must quote the spec line it enforces`);
  return Object.freeze(def);
}
