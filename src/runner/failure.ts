import type { Exchange } from '../http/exchange.js';
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
