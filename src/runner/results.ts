import type { Coverage } from './coverage.js';
import type { RootCause } from './diagnosis.js';
import type { CheckResult, LatencyStats, ProfileName, RunVerdict } from './types.js';

/** The results of a run: what `results.json` holds (valid against `schemas/report/results.schema.json`). */
export interface RunResults {
  tool: { name: 'hookcert'; version: string };
  profile: ProfileName;
  target: { url: string };
  subscription: {
    subscriptionId: string;
    secretEncoding: 'base64' | 'utf8';
    events: Array<{ name: string; blocking: boolean; polling: boolean; budgetMs: number }>;
  };
  seed: number;
  runs: number;
  /** `--shard K/N`: these results hold only the K-th of N parts of the checks (`hookcert merge` joins them). */
  shard?: { index: number; count: number };
  level: 'must' | 'should';
  verdict: RunVerdict;
  /** Why the run is incomplete. */
  incompleteReason?: string;
  /** What made every request fail alike, found before the checks (see `src/runner/diagnosis.ts`). */
  rootCause?: RootCause;
  startedAt: string;
  durationMs: number;
  /** The command line that replays the whole run. */
  replay: string;
  /** sha256 of the schemas and of the checks used, so a reviewer can tell what was tested. */
  hashes: { schemas: string; checks: string };
  summary: Record<'total' | 'pass' | 'fail' | 'warn' | 'skip' | 'error', number>;
  /** The comparison with a baseline (`--baseline`): the ids of the known, new and fixed failures. */
  baseline?: { source: string; known: string[]; new: string[]; fixed: string[] };
  checks: CheckResult[];
  /** What the run exercised: per flow and per event, and the checks it could not exercise (results from before it: absent). */
  coverage?: Coverage;
  stats: {
    requests: number;
    replies: number;
    transportErrors: Record<string, number>;
    latencyMs: Record<string, LatencyStats>;
    /** The latency distribution per event (or topic), over every exchange that got a reply (not only the sample). */
    latencyHistogram?: LatencyHistogram;
  };
}

/**
 * Latencies counted in log-spaced buckets shared by every event. `counts[label][i]` counts the latencies at
 * or above `edgesMs[i - 1]` and below `edgesMs[i]`; the first bucket has no lower bound, the last one
 * (`i = edgesMs.length`) no upper bound.
 */
export interface LatencyHistogram {
  edgesMs: number[];
  counts: Record<string, number[]>;
}

/** The R10 preferred numbers, 0.1 ms to 100 s: ten buckets per decade. */
export const LATENCY_EDGES_MS: readonly number[] = [-1, 0, 1, 2, 3, 4]
  .flatMap((d) => [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8].map((m) => Number((m * 10 ** d).toPrecision(3))))
  .concat(100_000);
