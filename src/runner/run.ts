import type { Subscription } from '../config/subscription.js';
import { HttpClient } from '../http/client.js';
import { speaksTls } from '../http/diagnose.js';
import { Liveness } from '../http/liveness.js';
import type { LiveExchange } from '../http/exchange.js';
import { profileSchemasDir } from '../paths.js';
import { registry, type SchemaRegistry } from '../schema/registry.js';
import { VERSION } from '../version.js';
import type { CheckDefinition } from './check.js';
import type { CheckContext } from './context.js';
import { eventsOf, unexercisedOf, type Coverage, type ReplayOf } from './coverage.js';
import { hashTree } from './hashes.js';
import { loadChecks, suitesDir } from './load.js';
import type { RunOptions } from './options.js';
import { Recorder } from './recorder.js';
import { replayCommand } from './replay.js';
import { LATENCY_EDGES_MS, type LatencyHistogram, type RunResults } from './results.js';
import { checkIdentity, runCheck } from './run-check.js';
import { selectChecks } from './select.js';
import { shardOf } from './shard.js';
import { deriveSeed } from './seed.js';
import { guarded, RunStop } from './stop.js';
import { ms, quantile } from './stats.js';
import type { CheckResult, ProfileName } from './types.js';

/** What the run hands a profile's context: the run's client, recorder and schemas, who it works for, what exploration found. */
export interface RunDeps {
  client: HttpClient;
  recorder: Recorder;
  schemas: SchemaRegistry;
  /** Who sends through this context: a check id, `probe` or `exploration` (the coverage table names it). */
  source: string;
  /** What the profile's exploration phase found ({@link ProfileDriver.explore}); absent without one. */
  explored?: unknown;
}

/** What a profile reports of the run's reach, beside the per-event table the runner builds itself. */
export type ProfileCoverage = Pick<Coverage, 'flows' | 'notes'> & Partial<Pick<Coverage, 'exploration'>>;

/** What the runner needs from a profile: a context per check, and a first request that says the endpoint is there. */
export interface ProfileDriver {
  name: ProfileName;
  /** The check context (the profile's simulator) for one check. */
  context(sub: Subscription, options: RunOptions, seed: number, deps: RunDeps): CheckContext;
  /** One correctly signed request; its exchange tells whether the endpoint can be reached at all. */
  probe(t: CheckContext): Promise<LiveExchange>;
  /**
   * The exploration phase: called once, after the probe and before the checks (also with `--check`, so a replay
   * sends the same bytes), on a context of its own seeded `deriveSeed(seed, 'exploration')`. It bounds itself
   * (requests and time). What it returns reaches every check's context as `deps.explored`.
   */
  explore?(t: CheckContext): Promise<unknown>;
  /** The flows the run reached (and the exploration's summary), from what the recorder saw and exploration found. */
  coverage?(input: { explored: unknown; recorder: Recorder; checks: readonly CheckResult[]; replayOf: ReplayOf }): ProfileCoverage;
  /** The budget (ms) of a label (event or topic) for the timing figures. */
  budgetOf(sub: Subscription, label: string): number;
}

/** The source name of the exploration phase (its seed part, and its name in the coverage table). */
export const EXPLORATION = 'exploration';

/** Progress of a run, for the console. */
export interface RunListener {
  planned?(checks: CheckDefinition<CheckContext>[]): void;
  checkStarted?(def: CheckDefinition<CheckContext>): void;
  checkDone?(result: CheckResult): void;
}

/** Everything a run needs. */
export interface RunRequest {
  driver: ProfileDriver;
  sub: Subscription;
  options: RunOptions;
  /** The command words that started this run, without `--seed`/`--check` (for replay lines). */
  replayBase: string[];
  listener?: RunListener;
  /** Aborting it stops the run: what was judged so far is kept, the verdict is `incomplete`. */
  signal?: AbortSignal;
  /** Checks to run instead of the profile's suite (tests). */
  checks?: CheckDefinition<CheckContext>[];
  /** `--debug`: every exchange, as lines (the caller redacts them). */
  log?: (line: string) => void;
}

/** The label of the repeated first request that tells whether a silent endpoint has stopped. */
const LIVENESS_LABEL = 'liveness';

/** How many checks run side by side (see the worker pool in {@link run}). */
const CHECKS_AT_ONCE = 1;

/** Transport failures that mean the endpoint cannot be reached at all. */
const UNREACHABLE = new Set(['refused', 'dns', 'connect-timeout', 'tls', 'protocol']);

/**
 * Runs a certification: plans the checks against the subscription, probes the endpoint, runs each check
 * (a crash is that check's `error`), and gathers verdicts and figures into {@link RunResults}. An
 * interruption, the run's time limit or an endpoint that stops answering end it early: `incomplete`, with
 * every check judged before.
 */
export async function run(req: RunRequest): Promise<RunResults> {
  const { driver, sub, options } = req;
  const startedAt = new Date();
  const schemas = registry();
  const stop = new RunStop(req.signal, options.maxRunMs);
  const liveness = new Liveness();
  let firstRequest: LiveExchange | undefined;
  let repeating = false;
  // Nothing came back several times in a row: repeat the run's first request; silence again means the
  // endpoint stopped, not that it choked on one hostile input (see Liveness).
  const watch = (ex: LiveExchange) => {
    if (ex.label === LIVENESS_LABEL || !liveness.note(ex) || repeating || stop.stopped || !firstRequest) return;
    repeating = true;
    const { url, headers, body } = firstRequest.request;
    void client
      .send({ url, headers, body: Buffer.from(body, 'utf8'), label: LIVENESS_LABEL, timeoutMs: driver.budgetOf(sub, firstRequest.label) + options.graceMs })
      .then((repeat) => {
        if (!repeat.response && repeat.error?.kind !== 'aborted') stop.stop(liveness.reason(repeat));
        else if (repeat.response) liveness.silent = 0; // alive: what went unanswered was the inputs, not the endpoint
        repeating = false;
      });
  };
  const client = new HttpClient({
    connectTimeoutMs: options.connectTimeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    connections: Math.max(8, options.concurrency * 2),
    ca: options.ca,
    insecure: options.insecure,
    log: req.log,
    onExchange: watch,
  });
  const onAbort = () => client.abort();
  stop.signal.addEventListener('abort', onAbort, { once: true });
  const recorder = new Recorder();
  const deps = { client, recorder, schemas };
  let explored: unknown;
  let exploreError: string | undefined;
  const all = req.checks ?? (await loadChecks(driver.name));
  // Unknown ids throw: a typo must never become a run of zero checks that passes a gate.
  const chosen = options.checks ? selectChecks(all, options.checks, driver.name) : all;
  const planned = options.shard ? shardOf(chosen, options.shard) : chosen;
  req.listener?.planned?.(planned);

  const results: CheckResult[] = [];
  let incompleteReason: string | undefined;
  try {
    const probe = await stop.race(driver.probe(driver.context(sub, options, deriveSeed(options.seed, 'probe'), { ...deps, source: 'probe' })));
    firstRequest = probe;
    if (probe && !probe.response && (probe.error?.kind === 'reset' || probe.error?.kind === 'protocol') && probe.request.url.startsWith('http:') && (await speaksTls(probe.request.url))) {
      // A TLS server answers plain HTTP by closing the connection (or with TLS bytes): say what to fix.
      incompleteReason = `cannot reach ${probe.request.url}: the endpoint speaks TLS at that address (${probe.error.kind} to plain HTTP): use https://`;
    } else if (probe?.error && UNREACHABLE.has(probe.error.kind)) {
      incompleteReason = `cannot reach ${probe.request.url}: ${probe.error.message}`;
    }
    // Exploration: one phase before the checks, whatever checks are planned, so a replay sends the same bytes.
    // (Not when the probe got no complete reply: that endpoint is the checks' to judge, not exploration's to wait for.)
    if (!incompleteReason && !stop.stopped && driver.explore && probe?.response && !probe.error) {
      const t = driver.context(sub, options, deriveSeed(options.seed, EXPLORATION), { ...deps, source: EXPLORATION });
      explored = await stop.race(
        guarded(() => driver.explore!(t)).catch((err: unknown) => {
          exploreError = `the exploration phase crashed (${err instanceof Error ? err.message : String(err)}); the checks probed on their own`;
          return undefined;
        }),
      );
    }
    // Up to --concurrency checks at once: each has its own seed, workplaces and sessions, so its requests do not
    // depend on what runs beside it. Verdicts are reported and kept in the planned order.
    const judged = new Array<CheckResult | undefined>(planned.length);
    let next = 0;
    let reported = 0;
    const worker = async () => {
      while (!incompleteReason && !stop.stopped && next < planned.length) {
        const i = next++;
        const def = planned[i];
        req.listener?.checkStarted?.(def);
        const t = driver.context(sub, options, deriveSeed(options.seed, def.id), { ...deps, source: def.id, explored });
        const replay = replayCommand(req.replayBase, options.seed, def.id);
        const result = await stop.race(guarded(() => runCheck(def, t, replay)).catch((err: unknown) => crashed(def, replay, err)));
        // A check that was running when the run stopped is not judged: its exchanges were cut off.
        if (!result || stop.stopped) return;
        judged[i] = result;
        // Report in plan order; the index moves on whether or not anyone listens.
        while (reported < planned.length && judged[reported]) {
          const done = judged[reported++]!;
          req.listener?.checkDone?.(done);
        }
      }
    };
    // One check at a time: --concurrency is the workplaces a check drives at once (MP-TIM-002, KK-TIM-002).
    // Running checks side by side made a silent endpoint look like failing checks instead of an incomplete
    // run, and at --concurrency 64 held every check's state at once (peak RSS 459 MB and growing).
    await Promise.all(Array.from({ length: Math.max(1, Math.min(CHECKS_AT_ONCE, planned.length)) }, worker));
    for (const [i, result] of judged.entries()) {
      if (!result) continue;
      results.push(result);
      if (i >= reported) req.listener?.checkDone?.(result);
    }
  } finally {
    stop.dispose();
    stop.signal.removeEventListener('abort', onAbort);
    client.abort();
    await client.close();
  }
  incompleteReason ??= stop.reason;

  const summary = { total: planned.length, pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const r of results) summary[r.status]++;
  const mustBroken = results.some((r) => r.status === 'fail' || (r.status === 'error' && r.level === 'MUST'));
  const latencyMs: RunResults['stats']['latencyMs'] = {};
  for (const [label, values] of [...recorder.latencies.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    latencyMs[label] = {
      count: values.length,
      p50: ms(quantile(values, 0.5)),
      p95: ms(quantile(values, 0.95)),
      max: ms(Math.max(...values)),
      budgetMs: driver.budgetOf(sub, label),
    };
  }
  const latencyHistogram = histogram(recorder.latencies);
  const replayOf: ReplayOf = (source) => replayCommand(req.replayBase, options.seed, source === EXPLORATION || source === 'probe' ? undefined : source);
  const reach = driver.coverage?.({ explored, recorder, checks: results, replayOf }) ?? { flows: [], notes: [] };
  const coverage: Coverage = {
    ...(reach.exploration ? { exploration: reach.exploration } : {}),
    flows: reach.flows,
    events: eventsOf(recorder, replayOf),
    ...unexercisedOf(results),
    notes: [...(exploreError ? [exploreError] : []), ...reach.notes],
  };
  return {
    tool: { name: 'hookcert', version: VERSION },
    profile: driver.name,
    target: { url: sub.url },
    subscription: {
      subscriptionId: sub.subscriptionId,
      secretEncoding: sub.secretEncoding,
      events: sub.events.map((e) => ({ name: e.name, blocking: e.blocking, polling: e.polling, budgetMs: e.budgetMs })),
    },
    seed: options.seed,
    runs: options.runs,
    ...(options.shard ? { shard: options.shard } : {}),
    level: options.level,
    verdict: incompleteReason || results.length < planned.length ? 'incomplete' : mustBroken ? 'not-conformant' : 'conformant',
    ...(incompleteReason ? { incompleteReason } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    replay: replayCommand(req.replayBase, options.seed),
    hashes: {
      schemas: hashTree(profileSchemasDir(driver.name)),
      checks: hashTree(suitesDir(driver.name), (n) => !n.includes('.test.') && !n.endsWith('.map') && !n.endsWith('.d.ts')),
    },
    summary,
    checks: results,
    coverage,
    stats: {
      requests: recorder.requests,
      replies: recorder.replies,
      transportErrors: Object.fromEntries(recorder.transportErrors),
      latencyMs,
      latencyHistogram,
    },
  };
}

/** Counts each label's latencies in the shared {@link LATENCY_EDGES_MS} buckets. */
export function histogram(latencies: ReadonlyMap<string, readonly number[]>): LatencyHistogram {
  const counts: Record<string, number[]> = {};
  for (const [label, values] of [...latencies.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const row = new Array<number>(LATENCY_EDGES_MS.length + 1).fill(0);
    for (const v of values) {
      let i = 0;
      while (i < LATENCY_EDGES_MS.length && v >= LATENCY_EDGES_MS[i]) i++;
      row[i]++;
    }
    counts[label] = row;
  }
  return { edgesMs: [...LATENCY_EDGES_MS], counts };
}

/** The `error` verdict of a check that crashed outside its own promise chain (a timer, an unawaited promise). */
function crashed(def: CheckDefinition<CheckContext>, replay: string, err: unknown): CheckResult {
  return {
    ...checkIdentity(def, replay),
    status: 'error',
    durationMs: 0,
    reason: `hookcert could not judge this check: it crashed (${err instanceof Error ? err.message : String(err)})`,
    warnings: [],
    exchanges: [],
    exchangeCount: 0,
  };
}
