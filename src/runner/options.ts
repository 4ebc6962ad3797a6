/** How a run is carried out (not what is tested: that is the {@link Subscription}). */
export interface RunOptions {
  /** The run's seed; the same seed gives the same requests, byte for byte. */
  seed: number;
  /** Generated cases per property check. */
  runs: number;
  /** Which levels gate the verdict: `must` (SHOULD failures warn) or `should` (they fail too). */
  level: 'must' | 'should';
  /**
   * Requests in flight at once across the whole run, and checks running side by side (`--concurrency`);
   * 1: one check at a time, one request at a time.
   */
  concurrency: number;
  /** Run only these check ids. */
  checks?: string[];
  /** `--shard K/N`: run only the K-th of N deterministic parts of the planned checks (src/runner/shard.ts). */
  shard?: { index: number; count: number };
  /** `--quick`: fewer generated cases (pre-commit use); the run says so. */
  quick?: boolean;
  /** Time allowed for one check, all its exchanges included: a guard against a harness that hangs (each exchange is already bounded by its budget plus grace). */
  checkTimeoutMs: number;
  /** Time allowed to set up a connection. */
  connectTimeoutMs: number;
  /** Largest reply body read. */
  maxBodyBytes: number;
  /** Time waited past an event's budget before the exchange is cut off (the budget itself is judged by the timing checks). */
  graceMs: number;
  /** Time allowed for the whole run; when it is up the run ends `incomplete` with what was judged. */
  maxRunMs: number;
  /** Requests the exploration phase may send (`--explore`; 0: none). @defaultValue 240, 120 with `quick` */
  exploreRequests?: number;
  /**
   * Run every check even when every request is refused alike before them (`--keep-going`); otherwise the run
   * stops there, `incomplete`, with the root cause (`hookcert demo` always goes on: its receiver is hookcert's).
   */
  keepGoing?: boolean;
  /** Extra CA certificate(s) to trust (PEM text). */
  ca?: string;
  /** Accept any TLS certificate. */
  insecure?: boolean;
  /**
   * A URL the endpoint can reach, given as `externalPayment.callbackUrl` (`--callback-url`); hookcert cannot
   * see calls to it, so MP-EXT-005 says what it sent. Absent: a loopback URL when the endpoint is on loopback.
   */
  callbackUrl?: string;
  /** How long a polling process may run in all: rounds, and time (each round has the event's budget). */
  pollingBounds: ProcessBounds;
  /** How long an external payment may take in all: pollExternalPayment rounds, and time (each poll has its budget). */
  paymentBounds: ProcessBounds;
}

/** The bound of a whole multi-round process (a polling process, an external payment). */
export interface ProcessBounds {
  maxRounds: number;
  maxMs: number;
}

/** The defaults of {@link RunOptions}. */
export const DEFAULT_RUN_OPTIONS: Omit<RunOptions, 'seed'> = {
  runs: 25,
  level: 'must',
  concurrency: 16,
  checkTimeoutMs: 600_000,
  connectTimeoutMs: 5_000,
  maxBodyBytes: 1024 * 1024,
  graceMs: 2_000,
  maxRunMs: 30 * 60_000,
  // A customer paying at a cash machine or a terminal takes minutes, and long-pollers hold each round:
  // 60 rounds and 5 minutes, for a polling process and for an external payment alike.
  pollingBounds: { maxRounds: 60, maxMs: 5 * 60_000 },
  paymentBounds: { maxRounds: 60, maxMs: 5 * 60_000 },
};

/**
 * How many whole flows (polling processes, external payments, redelivered pairs) a check runs where a property
 * check runs `runs` cases: at least 2, one more for every 8 runs. A flow costs many requests, a case one.
 */
export function flowsPerCheck(options: Pick<RunOptions, 'runs'>): number {
  return Math.max(2, Math.ceil(options.runs / 8));
}
