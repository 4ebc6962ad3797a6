import type { Exchange } from '../http/exchange.js';

/** Replies in a row over a label's budget that prove the label slow. One late reply may be a hiccup. */
export const PROOF = 2;

/**
 * Requests a check may still send to a label proven over its budget, waiting for each reply in full (budget +
 * grace) and judging it as usual; later ones are not sent. The timing checks judge the lateness; every other
 * check gets a bounded cost instead of waiting out the budget on each of its cases.
 */
export const ALLOWANCE = 2;

/**
 * The run's proven facts about timing: which labels (events, topics) answer over their budget. A label is
 * proven slow by {@link PROOF} exchanges in a row that ended after its budget (a late reply, or none within
 * budget + grace), made while the endpoint had nothing else to answer (the probe, exploration, an exclusive
 * check: the timing checks run so, and first). Exchanges of checks running side by side prove nothing: the
 * load they make together (and a loaded machine) may stretch a reply that alone comes in time. A label stays
 * proven for the rest of the run.
 */
export class OverBudget {
  private readonly streak = new Map<string, number>();
  private readonly proven = new Map<string, string>();

  constructor(private readonly budgetOf: (label: string) => number) {}

  /** Notes one finished exchange; `alone`: it was made with nothing else in flight. */
  note(ex: Exchange, alone: boolean): void {
    if (!alone || ex.error?.kind === 'aborted') return;
    const budget = this.budgetOf(ex.label);
    if (!(budget > 0)) return;
    const late = ex.error?.kind === 'timeout' || (ex.response !== undefined && ex.timing.totalMs > budget);
    if (!late) {
      this.streak.set(ex.label, 0);
      return;
    }
    const n = (this.streak.get(ex.label) ?? 0) + 1;
    this.streak.set(ex.label, n);
    if (n >= PROOF && !this.proven.has(ex.label))
      this.proven.set(ex.label, `${n} requests in a row, with the endpoint to themselves, ended past its ${budget} ms budget, the last after ${Math.round(ex.timing.totalMs)} ms (request #${ex.seq})`);
  }

  /** How `label` was proven over budget, or `undefined` while it is not. */
  evidence(label: string): string | undefined {
    return this.proven.get(label);
  }

  /** Every label proven over budget, with its evidence. */
  all(): ReadonlyMap<string, string> {
    return this.proven;
  }
}
