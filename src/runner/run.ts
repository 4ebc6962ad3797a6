import { setMaxListeners } from 'node:events';
import type { Subscription } from './subscription.js';
import { HttpClient, type Sender } from '../http/client.js';
import { speaksTls } from '../http/diagnose.js';
import type { LiveExchange } from '../http/exchange.js';
import { warmUpHttp } from '../http/warm-up.js';
import { profileSchemasDir } from '../paths.js';
import { registry, type SchemaRegistry } from '../schema/registry.js';
import { VERSION } from '../version.js';
import type { CheckDefinition } from './check.js';
import type { CheckContext } from './context.js';
import { eventsOf, unexercisedOf, type Coverage, type ReplayOf } from './coverage.js';
import { hashEventTypes, hashTree } from './hashes.js';
import { loadChecks, suitesDir } from './load.js';
import type { RunOptions } from './options.js';
import { Recorder } from './recorder.js';
import { replayCommand } from './replay.js';
import { histogram } from './latency.js';
import type { RunResults } from './results.js';
import { checkIdentity, runCheck } from './run-check.js';
import { runsAlone, schedule, stages as stagesOf } from './schedule.js';
import { causeLine, refusalOf, type RootCause } from './diagnosis.js';
import { selectChecks } from './select.js';
import { shardOf } from './shard.js';
import { deriveSeed } from './seed.js';
import { guarded, RunStop } from './stop.js';
import type { CheckResult, ProfileName } from './types.js';
import { EndpointWatch, type CheckLine, type LatenessPolicy } from './watch.js';
import { runGate, runVerdict } from './verdict.js';

/** What the run hands a profile's context: a line to the endpoint, the run's recorder and schemas, who it works for. */
export interface RunDeps {
  /** The check's line to the endpoint: the run's client, with the check's signal and the run's watch on it. */
  client: Sender;
  recorder: Recorder;
  schemas: SchemaRegistry;
  /** Who sends through this context: a check id, `probe` or `exploration`. Workplaces are derived from it. */
  source: string;
  /** Aborted when the check ends (timed out, the run stopped): nothing more of it is sent. @defaultValue never */
  signal?: AbortSignal;
  /** What the profile's exploration phase found ({@link ProfileDriver.explore}); absent without one. */
  explored?: unknown;
  /**
   * The run's stage `name`, made once by `make` on a context of its own (source and seed `name`, workplaces of
   * its own) for every check that asks: work several checks judge alike, sent once (see {@link STAGE}). `judges`:
   * how many planned checks declare it (`shares`), so a stage can let go of what every one of them has taken.
   * Absent outside a run (a check's context made on its own makes the stage itself).
   */
  stage?: <T>(name: string, make: (t: CheckContext, judges: number) => T) => T;
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
  /**
   * Called after a probe that was refused (a reply, not a 2xx): sends a few more valid, correctly signed
   * requests and names the cause when every one is refused the same way (see `src/runner/diagnosis.ts`).
   */
  diagnose?(t: CheckContext, probe: LiveExchange): Promise<RootCause | undefined>;
  /** The budget (ms) of a label (event or topic) for the timing figures. */
  budgetOf(sub: Subscription, label: string): number;
}

/** The source name (and seed part) of the root-cause diagnosis after a refused probe. */
export const DIAGNOSIS = 'diagnosis';

/** The source name of the exploration phase (its seed part, and its name in the coverage table). */
export const EXPLORATION = 'exploration';

/** Progress of a run, for the console. Checks run side by side: they start and end in any order. */
export interface RunListener {
  planned?(checks: CheckDefinition<CheckContext>[]): void;
  checkStarted?(def: CheckDefinition<CheckContext>): void;
  /** What made every request fail alike, found before the checks (said first; the run stops unless `keepGoing`). */
  rootCause?(cause: RootCause): void;
  /** A check was judged (in the order they end; the results keep the planned order). */
  checkDone?(result: CheckResult): void;
  /** Every exchange, with who sent it (a check id, `probe`, `exploration`). */
  exchanged?(source: string, exchange: LiveExchange): void;
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

/**
 * Sources that are stages ({@link RunDeps.stage}) start with it: their replay is the run's, as exploration's.
 */
export const STAGE = 'stage:';

/** Transport failures that mean the endpoint cannot be reached at all. */
const UNREACHABLE = new Set(['refused', 'dns', 'connect-timeout', 'tls', 'protocol']);

/**
 * Runs a certification: plans the checks against the subscription, probes the endpoint, runs the checks side
 * by side (at most `--concurrency` requests in flight; see {@link schedule} for exclusive, early and late
 * checks; a crash is that check's `error`), and gathers verdicts and figures into {@link RunResults}. An
 * interruption, the run's time limit or an endpoint that stops answering end it early: `incomplete`, with
 * every check judged before.
 */
export async function run(req: RunRequest): Promise<RunResults> {
  const { driver, sub, options } = req;
  const startedAt = new Date();
  const schemas = registry();
  const stop = new RunStop(req.signal, options.maxRunMs);
  const client = new HttpClient({
    connectTimeoutMs: options.connectTimeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    connections: options.concurrency + 2,
    maxInFlight: options.concurrency,
    ca: options.ca,
    insecure: options.insecure,
    log: req.log,
  });
  const watch = new EndpointWatch(client, stop, (label) => driver.budgetOf(sub, label), options.graceMs);
  const onAbort = () => client.abort();
  stop.signal.addEventListener('abort', onAbort, { once: true });
  const recorder = new Recorder();
  const all = req.checks ?? (await loadChecks(driver.name));
  // Unknown ids throw: a typo must never become a run of zero checks that passes a gate.
  const chosen = options.checks ? selectChecks(all, options.checks, driver.name) : all;
  const planned = options.shard ? shardOf(chosen, options.shard) : chosen;
  req.listener?.planned?.(planned);
  /**
   * A context for `source`, on its own line to the endpoint; `lateness`: what it does with a label proven over
   * budget; `priority`: its requests' when they wait for a slot (lower first).
   */
  const contextFor = (source: string, signal: AbortSignal, alone: boolean, lateness: LatenessPolicy, explored?: unknown, priority = 0) => {
    const line = watch.line(source, signal, alone, lateness, priority);
    const observed: Sender = req.listener?.exchanged
      ? { send: async (r) => tap(await line.send(r), (ex) => req.listener!.exchanged!(source, ex)) }
      : line;
    // A stage's requests wait for a slot as those of the first check that asked for it do. A check declares the
    // stage it judges (`shares`), so that sharding keeps it with the others that judge it.
    const def = planned.find((d) => d.id === source);
    /** The lines of the stages this context judged: its exchanges too, for whether the endpoint went silent on it. */
    const lines = [line];
    const shared = <T>(name: string, make: (s: CheckContext, judges: number) => T): T => {
      if (def && def.shares !== name) throw new Error(`${def.id} judges the run's stage "${name}" but does not declare it (shares: '${name}')`);
      const made = stage(name, make, priority);
      if (!lines.includes(made.line)) lines.push(made.line);
      return made.value;
    };
    const t = driver.context(sub, options, deriveSeed(options.seed, source), { client: observed, recorder, schemas, source, signal, explored, stage: shared });
    t.provenLate = (label) => watch.overBudget.proofOf(label);
    t.leavesOut = line.leavesOut;
    return { line, t, lines };
  };

  const judged = new Array<CheckResult | undefined>(planned.length);
  let incompleteReason: string | undefined;
  let rootCause: RootCause | undefined;
  let explored: unknown;
  let exploreError: string | undefined;
  // Stages run for the whole run (not for the check that asked first) and send what any check asking would.
  const stages = new Map<string, { value: unknown; line: CheckLine }>();
  function stage<T>(name: string, make: (t: CheckContext, judges: number) => T, priority: number): { value: T; line: CheckLine } {
    const source = STAGE + name;
    if (!stages.has(source)) {
      const { line, t } = contextFor(source, stop.signal, false, 'leave-out', explored, priority);
      stages.set(source, { value: make(t, Math.max(1, planned.filter((d) => d.shares === name).length)), line });
    }
    return stages.get(source) as { value: T; line: CheckLine };
  }

  try {
    // A cold HTTP path would charge the endpoint with hookcert's own first milliseconds.
    await stop.race(warmUpHttp());
    const probe = await stop.race(driver.probe(contextFor('probe', stop.signal, true, 'send').t));
    watch.first = probe;
    if (probe && !probe.response && (probe.error?.kind === 'reset' || probe.error?.kind === 'protocol') && probe.request.url.startsWith('http:') && (await speaksTls(probe.request.url))) {
      // A TLS server answers plain HTTP by closing the connection (or with TLS bytes): say what to fix.
      incompleteReason = `cannot reach ${probe.request.url}: the endpoint speaks TLS at that address (${probe.error.kind} to plain HTTP): use https://`;
    } else if (probe?.error && UNREACHABLE.has(probe.error.kind)) {
      incompleteReason = `cannot reach ${probe.request.url}: ${probe.error.message}`;
    }
    // A refused probe: a few more valid requests say whether every one is refused alike (a wrong secret, a
    // forgotten --subscription-id, a wrong URL). Then that is said first, and the run stops unless asked on.
    if (!incompleteReason && !stop.stopped && driver.diagnose && probe?.response && refusalOf(probe)) {
      const found = await stop.race(guarded(() => driver.diagnose!(contextFor(DIAGNOSIS, stop.signal, true, 'send').t, probe)).catch(() => undefined));
      if (found) {
        rootCause = { ...found, stopped: !options.keepGoing };
        req.listener?.rootCause?.(rootCause);
        if (rootCause.stopped) incompleteReason = `stopped before the checks: ${causeLine(rootCause)} (--keep-going runs every check anyway)`;
      }
    }
    // A check's requests wait for a slot behind those of the long checks (the chains of requests one after another
    // that set a run's length), then in the order checks start (see `stages`): the short checks fill the slots left.
    const order = stagesOf(planned).flatMap((st) => st.items);
    const rank = new Map(order.map((entry, r) => [entry.index, (entry.item.long ? 0 : order.length) + r]));
    const runOne = async (def: CheckDefinition<CheckContext>, i: number) => {
      req.listener?.checkStarted?.(def);
      const ended = new AbortController();
      const signal = AbortSignal.any([stop.signal, ended.signal]);
      // Each request of the check in flight or waiting for a slot listens on it (and removes its listener when
      // done): a check that sends many at once (MP-TIM-002's shop) is not a leak, so no MaxListenersExceededWarning.
      setMaxListeners(0, signal);
      const { t, lines } = contextFor(def.id, signal, runsAlone(def), def.judgesLateness ? 'send' : 'leave-out', explored, rank.get(i));
      const replay = replayCommand(req.replayBase, options.seed, def.id);
      const end = (why: string) => ended.abort(why);
      const result = await stop.race(guarded(() => runCheck(def, t, replay, end)).catch((err: unknown) => crashed(def, replay, err)));
      // Whatever the check left running (an unawaited request, a timer) sends nothing more.
      end('the check ended');
      // A check that was running when the run stopped is not judged: its exchanges were cut off. One whose last
      // exchanges got nothing back waits until the endpoint is seen answering again (else the run stops).
      // The same for the stages it judged: their requests were its own.
      if (!result || stop.stopped || !(await Promise.all(lines.map((l) => watch.settled(l)))).every(Boolean)) return;
      judged[i] = result;
      req.listener?.checkDone?.(result);
    };
    // The checks that come first (the timing baseline) run alone before exploration: their requests have the
    // endpoint to themselves, and what they prove over budget exploration and every later check leave out.
    const entries = planned.map((def, i) => ({ def, i }));
    const scheduled = async (part: (def: CheckDefinition<CheckContext>) => boolean) => {
      const chosen = entries.filter((e) => part(e.def));
      const defs = chosen.map((e) => e.def);
      await schedule(defs, options.concurrency === 1 ? 1 : defs.length, (def, j) => runOne(def, chosen[j].i), () => stop.stopped);
    };
    if (!incompleteReason) await scheduled((def) => def.order === 'first');
    // Exploration: one phase before the checks, whatever checks are planned, so a replay sends the same bytes.
    // (Not when the probe got no complete reply: that endpoint is the checks' to judge, not exploration's to wait for.)
    if (!incompleteReason && !stop.stopped && driver.explore && probe?.response && !probe.error) {
      // Not alone: it sends sixteen at once, and proves nothing (MP-TIM-001, before it, has proven what is late).
      const { t } = contextFor(EXPLORATION, stop.signal, false, 'leave-out');
      explored = await stop.race(
        guarded(() => driver.explore!(t)).catch((err: unknown) => {
          exploreError = `the exploration phase crashed (${err instanceof Error ? err.message : String(err)}); the checks probed on their own`;
          return undefined;
        }),
      );
    }
    if (!incompleteReason) await scheduled((def) => def.order !== 'first');
  } finally {
    stop.dispose();
    stop.signal.removeEventListener('abort', onAbort);
    client.abort();
    await client.close();
  }
  const results = judged.filter((r): r is CheckResult => r !== undefined);
  incompleteReason ??= stop.reason;

  const verdict = runVerdict(results, planned.length, Boolean(incompleteReason));
  const summary = { total: planned.length, pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const r of results) summary[r.status]++;
  const labels = [...recorder.latencies.keys()].sort((a, b) => a.localeCompare(b));
  const latencyMs: RunResults['stats']['latencyMs'] = Object.fromEntries(labels.map((l) => [l, recorder.latencies.get(l)!.stats(driver.budgetOf(sub, l))]));
  const latencyHistogram = histogram(recorder.latencies);
  const replayOf: ReplayOf = (source) => replayCommand(req.replayBase, options.seed, source === EXPLORATION || source === 'probe' || source.startsWith(STAGE) ? undefined : source);
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
    verdict,
    // No baseline yet (`applyBaseline` decides it again with one): the gate is the verdict.
    gate: runGate({ verdict, level: options.level, checks: results, incompleteReason }),
    ...(incompleteReason ? { incompleteReason } : {}),
    ...(rootCause ? { rootCause } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    // The run's own selection (--check) is part of the run: without it the replay would run the whole suite.
    replay: replayCommand(req.replayBase, options.seed, options.checks?.join(',')),
    hashes: {
      schemas: hashTree(profileSchemasDir(driver.name)),
      checks: hashTree(suitesDir(driver.name), (n) => !n.includes('.test.') && !n.endsWith('.map') && !n.endsWith('.d.ts')),
      // The integrator's own event types shape every payload sent: a reviewer must be able to tell them apart too.
      ...(req.sub.eventTypes ? { eventTypes: hashEventTypes(req.sub.eventTypes) } : {}),
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

function tap<T>(value: T, see: (value: T) => void): T {
  see(value);
  return value;
}
