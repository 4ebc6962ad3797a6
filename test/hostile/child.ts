import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResults } from '../../src/runner/results.js';

/**
 * `hookcert` as a real child process (`node dist/src/cli/bin.js`), so its wall time, exit code, peak memory
 * and signal handling are the ones a user gets. The compiled CLI is rebuilt first when the sources are newer.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(path));
    else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) max = Math.max(max, statSync(path).mtimeMs);
  }
  return max;
}

/**
 * Builds `dist/` when it is missing or older than `src/`, `suites/` or `schemas/`. Test files run in parallel
 * workers, so one builds while the others wait on a lock file. The build's exit code is not trusted alone:
 * tsc emits even when some file in the tree has a type error, and `npm test` typechecks separately.
 */
export function ensureBuilt(): void {
  const stale = () => !existsSync(BIN) || statSync(BIN).mtimeMs < Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'suites')), newest(join(ROOT, 'schemas')));
  if (!stale()) return;
  const lock = join(tmpdir(), 'hookcert-test-build.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { force: true });
      execFileSync('sleep', ['0.2']);
    }
  }
  try {
    if (stale()) {
      try {
        execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
      } catch (err) {
        if (!existsSync(BIN)) throw err;
      }
    }
  } finally {
    rmSync(lock, { force: true });
  }
}

/** What one child run did. */
export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  wallMs: number;
  /** From the run's first line (printed as the run starts, after Node has loaded the CLI) to exit. */
  runWallMs: number;
  /** Peak resident memory, from the CLI itself (`HOOKCERT_REPORT_RSS=1`). */
  peakRssMiB?: number;
  reportDir: string;
  /** The report files, by name. */
  files: Record<string, string>;
  results?: RunResults;
}

/** Options of {@link hookcert}. */
export interface ChildOptions {
  env?: NodeJS.ProcessEnv;
  /** Called with each piece of stdout as it comes (to send signals at the right moment). */
  onStdout?: (text: string, child: ChildProcess, sinceStartMs: number) => void;
  /** The same for stderr. */
  onStderr?: (text: string, child: ChildProcess, sinceStartMs: number) => void;
  /** Kills the child after this long (a hang is a test failure, not a stuck suite). @defaultValue 60 s */
  killAfterMs?: number;
  reportDir?: string;
  /** Add `--report-dir` (fresh, or `reportDir`) unless the arguments name one. @defaultValue true */
  addReportDir?: boolean;
}

/** Runs `hookcert <args>` (a fresh `--report-dir` is added) and collects everything it left behind. */
export function hookcert(args: string[], opts: ChildOptions = {}): Promise<ChildRun> {
  const reportDir = opts.reportDir ?? join(mkdtempSync(join(tmpdir(), 'hookcert-zoo-')), 'report');
  const argv = args.includes('--report-dir') || opts.addReportDir === false ? args : [...args, '--report-dir', reportDir];
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...argv], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, CI: 'true', HOOKCERT_REPORT_RSS: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let firstLine: number | undefined;
  child.stdout!.setEncoding('utf8').on('data', (t: string) => {
    firstLine ??= Date.now();
    stdout += t;
    opts.onStdout?.(t, child, Date.now() - started);
  });
  child.stderr!.setEncoding('utf8').on('data', (t: string) => {
    stderr += t;
    opts.onStderr?.(t, child, Date.now() - started);
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 60_000);
  return new Promise((resolvePromise) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const ended = Date.now();
      const wallMs = ended - started;
      const runWallMs = ended - (firstLine ?? started);
      const rss = /peak RSS (\d+) KiB/.exec(stderr);
      const files: Record<string, string> = {};
      if (existsSync(reportDir)) for (const f of readdirSync(reportDir)) files[f] = readFileSync(join(reportDir, f), 'utf8');
      let results: RunResults | undefined;
      try {
        results = files['results.json'] ? (JSON.parse(files['results.json']) as RunResults) : undefined;
      } catch {
        results = undefined;
      }
      resolvePromise({ code, signal, stdout, stderr, wallMs, runWallMs, peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined, reportDir, files, results });
    });
  });
}

/** Runs `work` over `items`, at most `limit` at a time (two CLI children per core pair keep timings honest). */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** Everything a check's verdict says, as one text to match: message, expected, received, reason, exchanges' errors. */
export function verdictText(results: RunResults | undefined, id: string): string {
  const c = results?.checks.find((x) => x.id === id);
  if (!c) return `(${id} not in the results)`;
  const errors = [...(c.failure?.exchanges ?? []), ...c.exchanges].map((e) => (e.error ? `${e.error.kind}: ${e.error.message}` : '')).filter(Boolean);
  return [c.status, c.failure?.message, c.failure?.expected, c.failure?.received, c.reason, ...c.warnings, ...errors].filter(Boolean).join('\n');
}

/** The transport error kinds of the exchanges a check's failure carries. */
export function failureKinds(results: RunResults | undefined, id: string): string[] {
  const c = results?.checks.find((x) => x.id === id);
  return (c?.failure?.exchanges ?? []).map((e) => e.error?.kind).filter((k): k is NonNullable<typeof k> => k !== undefined);
}
