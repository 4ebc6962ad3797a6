import type { Exchange } from '../http/exchange.js';
import { strip } from './recorder.js';

/** Replies in a row over a label's budget that prove the label slow. One late reply may be a hiccup. */
export const PROOF = 2;

/** How a label (event, topic) was proven over its budget: by whom, and the exchange that made the proof. */
export interface LatenessProof {
  label: string;
  /** Who sent the proving exchanges: a check id, or `probe`. */
  by: string;
  /** The evidence in words (the budget, how many in a row, how late the last one was). */
  words: string;
  /** The exchange that completed the proof (the last late one), as recorded. */
  exchange: Exchange;
}

/**
 * The run's proven facts about timing: which labels (events, topics) answer over their budget. A label is
 * proven slow by {@link PROOF} exchanges in a row that ended after its budget (a late reply, or none within
 * budget + grace), made while the endpoint had nothing else to answer (the probe, an exclusive check: the
 * timing checks run so, and first; MP-TIM-001 even before exploration, which sends many at once and proves
 * nothing). Exchanges of checks running side by side prove nothing: the
 * load they make together (and a loaded machine) may stretch a reply that alone comes in time. So a proof is
 * only ever made between the shared stages of the schedule, never during one, and a label stays proven for the
 * rest of the run: what a check running side by side sees proven does not depend on which check ran first.
 */
export class OverBudget {
  private readonly streak = new Map<string, number>();
  private readonly proven = new Map<string, LatenessProof>();

  constructor(private readonly budgetOf: (label: string) => number) {}

  /** Notes one finished exchange sent by `by`; `alone`: it was made with nothing else in flight. */
  note(ex: Exchange, alone: boolean, by: string): void {
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
    if (n >= PROOF && !this.proven.has(ex.label)) {
      const last = ex.error?.kind === 'timeout' ? `the last got no reply within budget + grace` : `the last after ${Math.round(ex.timing.totalMs)} ms`;
      this.proven.set(ex.label, {
        label: ex.label,
        by,
        words: `${n} requests in a row, with the endpoint to themselves, ended past its ${budget} ms budget, ${last} (request #${ex.seq})`,
        exchange: strip(ex),
      });
    }
  }

  /** How `label` was proven over budget, or `undefined` while it is not. */
  proofOf(label: string): LatenessProof | undefined {
    return this.proven.get(label);
  }

  /** Every label proven over budget so far (a copy: later proofs do not show in it). */
  snapshot(): ReadonlyMap<string, LatenessProof> {
    return new Map(this.proven);
  }
}

/** `startSession proven over its budget by MP-TIM-001`: the words a check that left the label out says. */
export function provenWords(proof: LatenessProof): string {
  return `${proof.label} proven over its budget by ${proof.by}`;
}
