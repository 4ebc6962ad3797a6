import { applyBaseline } from '../baseline/baseline.js';
import type { ResolvedRun } from '../config/load.js';
import { assertResolvable } from '../http/diagnose.js';
import { ConsoleReporter, consoleStyle } from '../report/console.js';
import { ensureWritable, writeReports } from '../report/write.js';
import type { RunResults } from '../runner/results.js';
import { loadChecks } from '../runner/load.js';
import type { RunOptions } from '../runner/options.js';
import { run, type ProfileDriver } from '../runner/run.js';
import { selectChecks } from '../runner/select.js';
import { plural } from '../words.js';
import { routeStrayError } from '../runner/stop.js';
import { HookcertError } from '../errors.js';
import { redact, type Secret } from '../secret.js';
import { VERSION } from '../version.js';
import type { Io } from './io.js';
import { EXIT } from './options.js';

/**
 * The exit code of a finished run, from its gate (DESIGN.md): 0 the gate passed, 1 it failed, 3 the run could
 * not complete. Without a baseline the gate is the verdict; with one, known failures do not fail it.
 */
export function exitCodeOf(results: Pick<RunResults, 'verdict' | 'gate'>): number {
  if (results.verdict === 'incomplete') return EXIT.incomplete;
  return results.gate.passed ? EXIT.conformant : EXIT.notConformant;
}

/** After an interruption the reports are written; whatever still runs (a check left behind) gets this long. */
const LINGER_AFTER_INTERRUPT_MS = 300;

/**
 * Runs a resolved certification with the console reporter, writes the report files (also when the run is
 * interrupted: SIGINT/SIGTERM end it as `incomplete` and the process exits 3 once the files are written; a
 * second signal exits at once) and returns the exit code. Bad input found here (a host name that does not
 * resolve, a report folder that cannot be written) throws before anything is written.
 */
export async function executeRun(resolved: ResolvedRun, driver: ProfileDriver, replayBase: string[], io: Io, verbose = false): Promise<{ code: number; results: RunResults }> {
  try {
    return await execute(resolved, driver, replayBase, io, verbose);
  } catch (err) {
    // The secret may have come from the config file alone, which the CLI's own redactor does not know.
    throw redacted(err, [resolved.sub.secret]);
  }
}

async function execute(resolved: ResolvedRun, driver: ProfileDriver, replayBase: string[], io: Io, verbose: boolean): Promise<{ code: number; results: RunResults }> {
  const { sub } = resolved;
  const secrets = [sub.secret];
  const say = (text: string) => io.stderr(redact(text, secrets));
  // `--check` in any case, or an area: canonical ids, or a usage error before anything is sent.
  const options = resolved.options.checks ? { ...resolved.options, checks: selectChecks(await loadChecks(driver.name), resolved.options.checks, driver.name).map((c) => c.id) } : resolved.options;
  for (const url of [sub.url, ...Object.values(sub.topicUrls ?? {})]) await assertResolvable(url);
  ensureWritable(resolved.reportDir);
  const reporter = new ConsoleReporter({ write: io.stdout, ...consoleStyle(io.env, io.isTTY), columns: io.columns, secrets, verbose });
  io.stdout(redact(`${headerLine(resolved, options)}\n`, secrets));
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    // Back to the default action: a second signal ends the process at once, even in the middle of writing
    // the report (a JavaScript handler would only run once the writing is done).
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    say(`\nhookcert: ${signal}: stopping, writing what was judged so far (${signal} again to quit at once)\n`);
    controller.abort();
  };
  // A crash inside a check outside its promise chain (a timer, an unawaited promise) is that check's
  // `error`; one that belongs to no check is said and the run goes on.
  const onStray = (err: unknown) => {
    if (!routeStrayError(err)) say(`hookcert: internal error outside any check (the run goes on): ${err instanceof Error ? err.message : String(err)}\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  try {
    const log = resolved.debug ? say : undefined;
    const judged = await run({ driver, sub, options, replayBase, listener: reporter, signal: controller.signal, log });
    // `--baseline`: known failures stay failures in the report and the verdict; the gate ignores them.
    const results = resolved.baseline ? applyBaseline(judged, resolved.baseline) : judged;
    writeReports(results, resolved.reportDir, secrets);
    reporter.finish(results, resolved.reportDir);
    const code = exitCodeOf(results);
    // The files are written: a check left running by the interruption must not hold the process open.
    if (interrupted) setTimeout(() => process.exit(code), LINGER_AFTER_INTERRUPT_MS).unref();
    return { code, results };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Interrupted, the process is about to exit: a check left behind still cannot crash it.
    if (!interrupted) {
      process.off('uncaughtException', onStray);
      process.off('unhandledRejection', onStray);
    }
  }
}

/**
 * The run's first line: what is tested and how, with the subscription id sent (said to be the default when
 * none was given: a forgotten `--subscription-id` is the commonest reason every request is refused).
 */
export function headerLine(resolved: ResolvedRun, options: RunOptions): string {
  const { sub } = resolved;
  const parts = [`hookcert ${VERSION}`, sub.profile, sub.url];
  if (sub.profile === 'mplus') parts.push(sub.subscriptionIdKnown ? `subscription id ${sub.subscriptionId}` : `subscription id ${sub.subscriptionId} (the default: --subscription-id sets yours)`);
  parts.push(`seed ${options.seed}`, plural(sub.events.length, sub.profile === 'kopokopo' ? 'topic' : 'event'));
  if (options.checks) parts.push(plural(options.checks.length, 'check'));
  if (resolved.configPath) parts.push(`config ${resolved.configPath}`);
  return parts.join(' · ');
}

/** `err` with every secret taken out of its message and stack. */
function redacted(err: unknown, secrets: readonly Secret[]): unknown {
  if (err instanceof HookcertError) return new HookcertError(err.code, redact(err.message, secrets));
  if (!(err instanceof Error)) return new Error(redact(String(err), secrets));
  const copy = new Error(redact(err.message, secrets));
  copy.stack = redact(err.stack ?? '', secrets);
  return copy;
}
