import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import type { RunResults } from '../src/runner/results.js';

/** The outcome of one CLI invocation in-process: exit code, what it printed, and the results it wrote. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
  reportDir: string;
  results?: RunResults;
}

/** Runs `hookcert <argv>` in this process with captured output; adds a fresh `--report-dir` to run/demo. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const reportDir = mkdtempSync(join(tmpdir(), 'hookcert-test-'));
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { CI: 'true', ...env }, isTTY: false, cwd: process.cwd() };
  const withDir = ['run', 'demo'].includes(argv[0]) && !argv.includes('--report-dir') ? [...argv, '--report-dir', reportDir] : argv;
  const code = await main(withDir, io);
  let results: RunResults | undefined;
  try {
    results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as RunResults;
  } catch {
    results = undefined;
  }
  return { code, stdout, stderr, reportDir, results };
}

/** The status of each check in `results`, by id. */
export function statuses(results: RunResults | undefined): Record<string, string> {
  return Object.fromEntries((results?.checks ?? []).map((c) => [c.id, c.status]));
}
