import type { Gate, HookcertResultsJson } from '../generated/report/results.js';
import type { Coverage } from './coverage.js';
import type { LatencyHistogram } from './latency.js';
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
  /** The conformance of the run as judged: what a certifier reads. A baseline never changes it. */
  verdict: RunVerdict;
  /** What CI decides, after the baseline (`runGate` in src/runner/verdict.ts): the exit code follows it. */
  gate: Gate;
  /** Why the run is incomplete. */
  incompleteReason?: string;
  /** What made every request fail alike, found before the checks (see `src/runner/diagnosis.ts`). */
  rootCause?: RootCause;
  startedAt: string;
  durationMs: number;
  /** The command line that replays the whole run. */
  replay: string;
  /**
   * sha256 of the schemas and of the checks used, so a reviewer can tell what was tested; with the integrator's
   * own event types (standard-webhooks `eventTypes`), of those too.
   */
  hashes: { schemas: string; checks: string; eventTypes?: string };
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

export { LATENCY_EDGES_MS, type LatencyHistogram } from './latency.js';
export type { Gate } from '../generated/report/results.js';

/** What results.json may hold by its schema; {@link RunResults} must fit it (a type error when they drift). */
type Fits<T extends HookcertResultsJson> = T;
export type RunResultsFitSchema = Fits<RunResults>;
