import type { Exchange } from '../http/exchange.js';
import type { LatenessProof } from './over-budget.js';
import type { FlowRecord, KindFailure } from './types.js';

/** Thrown by a check (through `t.fail`) when the endpoint broke the rule the check enforces. */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(
    message: string,
    readonly detail: { expected?: string; received?: string; exchanges?: Exchange[]; flows?: FlowRecord[] } = {},
  ) {
    super(message);
  }

  /** The first failure of each other kind of case ({@link CheckContext.perKind}). */
  readonly others: KindFailure[] = [];
}

/** Thrown by a check (through `t.skip`) when it does not apply to what is being tested. */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
}

/**
 * Thrown by a check's line to the endpoint instead of sending: the check has ended (timed out, the run
 * stopped), or the request's label is proven over its budget (a check whose subject is not that lateness
 * leaves the label out). A property case, or a kind of `perKind`, that meets an over-budget label is left out
 * (counted as not exercised, never as judged); a check that meets it elsewhere ends `skip`, `not exercised:`.
 */
export class NotSent extends Error {
  override readonly name = 'NotSent';
  constructor(
    message: string,
    /** `ended`: the check is over; `over-budget`: the label's lateness is proven and judged by the timing checks. */
    readonly why: 'ended' | 'over-budget',
    /** With `over-budget`: how the label was proven over its budget. */
    readonly proof?: LatenessProof,
  ) {
    super(message);
  }
}
