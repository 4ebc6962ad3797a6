import type { Exchange } from '../http/exchange.js';

/** RFC 2119 level of a check: MUST failures make a run not conformant; SHOULD failures warn; INFO informs. */
export type Level = 'MUST' | 'SHOULD' | 'INFO';

/** The areas of the checklist (DESIGN.md, "The minimum checklist"). */
export type Area =
  | 'security'
  | 'shape'
  | 'robustness'
  | 'errors'
  | 'polling'
  | 'dialog'
  | 'form'
  | 'external-payment'
  | 'session'
  | 'timing'
  | 'idempotency';

/** The verdict of one check. `error`: the harness could not judge (a bug in hookcert or in the check). */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

/** The verdict of a run. */
export type RunVerdict = 'conformant' | 'not-conformant' | 'incomplete';

/** The protocols hookcert certifies. */
export type ProfileName = 'mplus' | 'kopokopo' | 'standard-webhooks';

/** Where a check's rule is written. */
export interface SpecRef {
  /** A document of the spec, with an anchor, e.g. `spec/README.md#signature`. */
  doc: string;
  /** The sentence of the spec the check enforces, quoted. */
  quote: string;
}

/** One step of a multi-step flow: the exchange, and the state the POS held after applying its reply. */
export interface FlowStep {
  exchange: Exchange;
  /** The POS's view after this step (session lines, relation, locks, payment…), as JSON. */
  state?: unknown;
  /** What the step was, in words (e.g. "answered the dialog with options [2]"). */
  note?: string;
}

/** A multi-step flow as the POS lived it (polling rounds, a dialog round-trip, a session's life). */
export interface FlowRecord {
  name: string;
  steps: FlowStep[];
}

/** What a failure says: in words, expected vs received, with the exchanges that show it. */
export interface FailureDetail {
  message: string;
  expected?: string;
  received?: string;
  exchanges: Exchange[];
  /** For property runs: the shrunk counterexample, the seed and the path that replay it. */
  counterexample?: unknown;
  seed?: number;
  path?: string;
  /** Rounds of shrinking fast-check did. */
  shrinks?: number;
  /** The flows of the failing case, in order, with the POS state at each step. */
  flows?: FlowRecord[];
  /**
   * The first failure of each other kind of case (another event, another body kind), each shrunk on its
   * own: the whole problem in one run. The failure above is the first kind's.
   */
  counterexamples?: KindFailure[];
}

/** The failure of one kind of case, beside the check's first failure. */
export interface KindFailure extends Omit<FailureDetail, 'counterexamples'> {
  /** The kind, in words: the event, the body kind. */
  kind: string;
}

/** How many of its cases a check judged: a case not judged (no time left, a flow not reached) is said. */
export interface CaseCount {
  judged: number;
  planned: number;
  /** Planned cases left out because they met a label proven over its budget (the timing checks judge it). */
  notExercised?: number;
}

/** What names a check, the same in its definition and in its result. */
export interface CheckIdentity {
  /** Stable forever: reports, baselines and replays key on it (`MP-SIG-002`, `KK-RAW-001`). */
  id: string;
  /** Starts with the level: `MUST reject …`. */
  title: string;
  level: Level;
  area: Area;
  profile: ProfileName;
  spec: SpecRef;
}

/** The result of one check in a run. */
export interface CheckResult extends CheckIdentity {
  status: CheckStatus;
  durationMs: number;
  /** Why the check was skipped, or why the harness could not judge (`error`). */
  reason?: string;
  failure?: FailureDetail;
  /** Lenient acceptances and SHOULD-level observations. */
  warnings: string[];
  /** How many of its cases the check judged; a MUST check that judged fewer than it planned ends `error`. */
  cases?: CaseCount;
  /** A sample of the exchanges of the check (all of a failure's exchanges are in `failure`). */
  exchanges: Exchange[];
  /** How many exchanges the check made, and how many were left out of `exchanges`. */
  exchangeCount: number;
  /** A sample of the flows the check ran (a failure's flows are in `failure`). */
  flows?: FlowRecord[];
  /** The command line that replays exactly this check. */
  replay: string;
  /**
   * Against a baseline (`--baseline`): `known` a failure the baseline accepts (the gate ignores it; the
   * verdict does not), `new` a failure it does not list, `fixed` a check it lists that now passes.
   */
  baseline?: 'known' | 'new' | 'fixed';
  /** The baseline's reason for a `known` or `fixed` check. */
  baselineReason?: string;
}

/** Latency figures of one event over a run, in milliseconds. */
export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
  budgetMs: number;
}
