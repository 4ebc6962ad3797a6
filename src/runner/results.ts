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
  level: 'must' | 'should';
  verdict: RunVerdict;
  /** Why the run is incomplete. */
  incompleteReason?: string;
  startedAt: string;
  durationMs: number;
  /** The command line that replays the whole run. */
  replay: string;
  /** sha256 of the schemas and of the checks used, so a reviewer can tell what was tested. */
  hashes: { schemas: string; checks: string };
  summary: Record<'total' | 'pass' | 'fail' | 'warn' | 'skip' | 'error', number>;
  checks: CheckResult[];
  stats: {
    requests: number;
    replies: number;
    transportErrors: Record<string, number>;
    latencyMs: Record<string, LatencyStats>;
  };
}
