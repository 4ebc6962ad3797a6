import type { Subscription } from '../config/subscription.js';
import { HttpClient } from '../http/client.js';
import type { LiveExchange } from '../http/exchange.js';
import { schemasDir } from '../paths.js';
import { registry, type SchemaRegistry } from '../schema/registry.js';
import { VERSION } from '../version.js';
import type { CheckDefinition } from './check.js';
import type { CheckContext } from './context.js';
import { hashTree } from './hashes.js';
import { loadChecks, suitesDir } from './load.js';
import type { RunOptions } from './options.js';
import { Recorder } from './recorder.js';
import { replayCommand } from './replay.js';
import type { RunResults } from './results.js';
import { runCheck } from './run-check.js';
import { deriveSeed } from './seed.js';
import { ms, quantile } from './stats.js';
import type { CheckResult, ProfileName } from './types.js';

/** What the runner needs from a profile: a context per check, and a first request that says the endpoint is there. */
export interface ProfileDriver {
  name: ProfileName;
  /** The check context (the profile's simulator) for one check. */
  context(sub: Subscription, options: RunOptions, seed: number, deps: { client: HttpClient; recorder: Recorder; schemas: SchemaRegistry }): CheckContext;
  /** One correctly signed request; its exchange tells whether the endpoint can be reached at all. */
  probe(t: CheckContext): Promise<LiveExchange>;
  /** The budget (ms) of a label (event or topic) for the timing figures. */
  budgetOf(sub: Subscription, label: string): number;
}

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
}

/** Transport failures that mean the endpoint cannot be reached at all. */
const UNREACHABLE = new Set(['refused', 'dns', 'connect-timeout', 'tls', 'protocol']);

/**
 * Runs a certification: plans the checks against the subscription, probes the endpoint, runs each check
 * (a crash is that check's `error`), and gathers verdicts and figures into {@link RunResults}.
 */
export async function run(req: RunRequest): Promise<RunResults> {
  const { driver, sub, options } = req;
  const startedAt = new Date();
  const schemas = registry();
  const client = new HttpClient({
    connectTimeoutMs: options.connectTimeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    connections: Math.max(8, options.concurrency * 2),
    ca: options.ca,
    insecure: options.insecure,
  });
  const onAbort = () => client.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  const recorder = new Recorder();
  const deps = { client, recorder, schemas };
  const all = req.checks ?? (await loadChecks(driver.name));
  const planned = options.checks ? all.filter((c) => options.checks!.includes(c.id)) : all;
  req.listener?.planned?.(planned);

  const results: CheckResult[] = [];
  let incompleteReason: string | undefined;
  try {
    const probe = await driver.probe(driver.context(sub, options, deriveSeed(options.seed, 'probe'), deps));
    if (probe.error && UNREACHABLE.has(probe.error.kind)) {
      incompleteReason = `cannot reach ${probe.request.url}: ${probe.error.message}`;
    }
    for (const def of planned) {
      if (incompleteReason) break;
      if (req.signal?.aborted) {
        incompleteReason = 'the run was interrupted';
        break;
      }
      req.listener?.checkStarted?.(def);
      const t = driver.context(sub, options, deriveSeed(options.seed, def.id), deps);
      const result = await runCheck(def, t, replayCommand(req.replayBase, options.seed, def.id));
      if (req.signal?.aborted) {
        incompleteReason = 'the run was interrupted';
        if (result.status === 'error') break; // judged by an aborted exchange: not a verdict
      }
      results.push(result);
      req.listener?.checkDone?.(result);
    }
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
    await client.close();
  }

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
    level: options.level,
    verdict: incompleteReason || results.length < planned.length ? 'incomplete' : mustBroken ? 'not-conformant' : 'conformant',
    ...(incompleteReason ? { incompleteReason } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    replay: replayCommand(req.replayBase, options.seed),
    hashes: {
      schemas: hashTree(schemasDir),
      checks: hashTree(suitesDir(driver.name), (n) => !n.includes('.test.') && !n.endsWith('.map') && !n.endsWith('.d.ts')),
    },
    summary,
    checks: results,
    stats: {
      requests: recorder.requests,
      replies: recorder.replies,
      transportErrors: Object.fromEntries(recorder.transportErrors),
      latencyMs,
    },
  };
}

