import type { ResolvedRun } from '../config/load.js';
import { ConsoleReporter, consoleStyle } from '../report/console.js';
import { ensureWritable, writeReports } from '../report/write.js';
import type { RunResults } from '../runner/results.js';
import { run, type ProfileDriver } from '../runner/run.js';
import { VERSION } from '../version.js';
import type { Io } from './io.js';
import { EXIT } from './options.js';

/** The exit code of a finished run (DESIGN.md: 0 conformant, 1 not conformant, 3 could not complete). */
export function exitCodeOf(results: RunResults): number {
  return results.verdict === 'conformant' ? EXIT.conformant : results.verdict === 'incomplete' ? EXIT.incomplete : EXIT.notConformant;
}

/**
 * Runs a resolved certification with the console reporter, writes the report files (also when the run is
 * interrupted: SIGINT/SIGTERM end it as `incomplete`; a second SIGINT exits at once) and returns the exit code.
 */
export async function executeRun(resolved: ResolvedRun, driver: ProfileDriver, replayBase: string[], io: Io, verbose = false): Promise<{ code: number; results: RunResults }> {
  ensureWritable(resolved.reportDir);
  const secrets = [resolved.sub.secret];
  const reporter = new ConsoleReporter({ write: io.stdout, ...consoleStyle(io.env, io.isTTY), secrets, verbose });
  const { sub, options } = resolved;
  io.stdout(
    `hookcert ${VERSION} · ${sub.profile} · ${sub.url} · seed ${options.seed} · ${sub.events.length} events${resolved.configPath ? ` · config ${resolved.configPath}` : ''}\n`,
  );
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    io.stderr(`\nhookcert: ${signal}: stopping, writing what was judged so far (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const results = await run({ driver, sub, options, replayBase, listener: reporter, signal: controller.signal });
    writeReports(results, resolved.reportDir, secrets);
    reporter.finish(results, resolved.reportDir);
    return { code: exitCodeOf(results), results };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
