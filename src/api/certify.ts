import { resolveRun, type CliInput } from '../config/load.js';
import { HookcertError, HookcertErrorCode } from '../errors.js';
import { catalogues, profile as profileEntry } from '../profiles.js';
import { replayWords } from '../cli/commands/run.js';
import { writeReports } from '../report/write.js';
import type { RunResults } from '../runner/results.js';
import { run } from '../runner/run.js';
import type { CheckResult, ProfileName } from '../runner/types.js';
import { applyBaseline, parseBaseline, type BaselineEntry } from '../baseline/baseline.js';

/** What {@link certify} tests and how: the same settings as `hookcert run`. */
export interface CertifyOptions {
  /** The endpoint (mplus: the base URL, the event name is appended). */
  url: string;
  /** The shared secret. */
  secret: string;
  /** The protocol. @defaultValue 'mplus' */
  profile?: ProfileName;
  /** The X-Mplus-Subscription-Id the endpoint expects (given: other ids must be refused). */
  subscriptionId?: string;
  /** How the secret becomes the HMAC key. @defaultValue 'base64' (mplus), 'utf8' (kopokopo) */
  secretEncoding?: 'base64' | 'utf8';
  /** Only these subscribed events (mplus) or topics (kopokopo). @defaultValue all */
  events?: string[];
  /** The seed; the same seed sends the same requests. @defaultValue a random one (in `results.seed`) */
  seed?: number;
  /** Generated cases per property check. @defaultValue 25 */
  runs?: number;
  /** What fails the run: `must`, or `should` (SHOULD checks gate too). @defaultValue 'must' */
  level?: 'must' | 'should';
  /** Run only these check ids. */
  checks?: string[];
  /** Known failures the gate ignores (see `--baseline`; the verdict stays as judged): check ids, or `{ id, reason }`. */
  baseline?: Array<string | BaselineEntry>;
  /** Write `results.json`, `junit.xml`, `summary.md` and `index.html` here. @defaultValue no files */
  reportDir?: string;
  /** A hookcert.config.json to read; unlike the CLI, none is read unless named. */
  config?: string;
  /**
   * Run every check even when every request is refused alike before them (a wrong secret or URL); otherwise the
   * run stops there: `incomplete`, with `results.rootCause` saying what to fix. @defaultValue false
   */
  keepGoing?: boolean;
  /** Aborting it ends the run early: the results say `incomplete`. */
  signal?: AbortSignal;
  /** Called with each check's result as it is judged (progress). */
  onCheck?: (result: CheckResult) => void;
}

const text = (n: number | undefined) => (n === undefined ? undefined : String(n));

/**
 * Runs a certification from code, as `hookcert run` does, and returns its results (what `results.json` holds).
 * Bad input (a URL without a scheme, a secret that does not decode, an unknown event) throws a
 * {@link HookcertError}; an endpoint that fails checks does not throw: read `results.verdict` (the conformance
 * as judged, what a certifier reads) or `results.gate` (what CI decides, after the baseline: `gate.passed`).
 *
 * @example
 * ```ts
 * import { certify } from 'hookcert';
 * const results = await certify({ url: 'http://127.0.0.1:8080/webhooks', secret: process.env.MPLUS_SECRET!, subscriptionId: 'acme' });
 * if (!results.gate.passed) console.log(results.gate.reason, results.checks.filter((c) => c.status === 'fail' && c.baseline !== 'known'));
 * ```
 */
export async function certify(opts: CertifyOptions): Promise<RunResults> {
  if (!opts || typeof opts.url !== 'string' || typeof opts.secret !== 'string')
    throw new HookcertError(HookcertErrorCode.USAGE, 'certify needs { url, secret }: the endpoint URL and its shared secret');
  const input: CliInput = {
    url: opts.url,
    secret: opts.secret,
    profile: opts.profile,
    subscriptionId: opts.subscriptionId,
    secretEncoding: opts.secretEncoding,
    events: opts.events?.join(','),
    seed: text(opts.seed),
    runs: text(opts.runs),
    level: opts.level,
    check: opts.checks?.join(','),
    reportDir: opts.reportDir,
    config: opts.config,
    noDefaultConfig: true,
    keepGoing: opts.keepGoing,
  };
  const resolved = resolveRun(input, catalogues, {});
  const driver = profileEntry(resolved.sub.profile).driver;
  // The command line that does the same from a shell: only what differs from the defaults.
  const replayBase = replayWords(['run'], { ...input, url: resolved.sub.url, runs: String(resolved.options.runs), level: resolved.options.level, config: opts.config });
  const judged = await run({ driver, sub: resolved.sub, options: resolved.options, replayBase, signal: opts.signal, listener: { checkDone: (r) => opts.onCheck?.(r) } });
  const results = opts.baseline
    ? applyBaseline(judged, parseBaseline(JSON.stringify(opts.baseline), 'certify({ baseline })'))
    : judged;
  if (opts.reportDir !== undefined) writeReports(results, resolved.reportDir, [resolved.sub.secret]);
  return results;
}
