import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResults } from '../../src/runner/results.js';
import { ensureBuilt, ROOT } from '../hostile/child.js';

/**
 * Warm `hookcert` lanes: a few long-lived Node processes (lane.mjs) that each run hookcert commands one after
 * another through the CLI's own `main`, instead of one fresh `node dist/src/cli/bin.js` per run. The matrix runs
 * eighty full certifications: a fresh process spends half of a `--runs 3` run's CPU on Node's start, loading the
 * modules, compiling the schemas and arbitraries, and running cold code. The commands, their arguments, their
 * report files and their verdicts are those of the CLI; what a lane does not give is the wall time and memory a
 * user's own process would have (test/hostile/child.ts measures those).
 */
export interface Lanes {
  /** Runs `hookcert <argv>` (a fresh `--report-dir` is added: give none) in the next free lane. */
  run(argv: string[], opts?: LaneOptions): Promise<LaneRun>;
  /** Ends every lane (their runs are over: the caller awaited them). */
  close(): Promise<void>;
}

/** Options of {@link Lanes.run}. */
export interface LaneOptions {
  /** The environment the command reads (`HOOKCERT_SECRET`…), besides `PATH` and `CI=true`. */
  env?: NodeJS.ProcessEnv;
  /** Ends the lane, and the run with it (code `null`), after this long: a hang fails a test, never holds the suite. @defaultValue 20 min */
  killAfterMs?: number;
  /** {@link LaneRun.results} is the whole results.json, exchanges included (read here, not in the lane). @defaultValue false */
  fullResults?: boolean;
}

/** What one command did in a lane. */
export interface LaneRun {
  /** Its exit code; `null` when the lane died or was ended before the command returned. */
  code: number | null;
  stdout: string;
  /** What it printed on stderr, then what the lane printed while it ran (a crash of the lane itself). */
  stderr: string;
  /** From the command's start in its lane to its end. */
  wallMs: number;
  reportDir: string;
  /** results.json of the report, when the command wrote one: without the exchanges (they stay in the file) unless {@link LaneOptions.fullResults}. */
  results?: RunResults;
}

interface Answer {
  id: number;
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  results?: RunResults;
}

const LANE = join(dirname(fileURLToPath(import.meta.url)), 'lane.mjs');

/** Starts `count` lanes (the compiled CLI is built first when it is older than the sources). */
export function startLanes(count: number): Lanes {
  ensureBuilt();
  let nextId = 0;
  const idle: ChildProcess[] = [];
  const waiting: Array<(lane: ChildProcess) => void> = [];
  const all = new Set<ChildProcess>();

  const spawnLane = (): ChildProcess => {
    // Not the test worker's own flags (vitest's loaders): the lane runs the compiled CLI as `node` would.
    const lane = fork(LANE, [], { cwd: ROOT, execArgv: [], env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    all.add(lane);
    lane.once('exit', () => all.delete(lane));
    return lane;
  };
  const release = (lane: ChildProcess) => {
    const next = waiting.shift();
    if (next) next(lane);
    else idle.push(lane);
  };
  const acquire = (): Promise<ChildProcess> => {
    const lane = idle.pop();
    if (lane) return Promise.resolve(lane);
    if (all.size < count) return Promise.resolve(spawnLane());
    return new Promise((resolve) => waiting.push(resolve));
  };

  return {
    async run(argv, opts = {}) {
      const reportDir = join(mkdtempSync(join(tmpdir(), 'hookcert-lane-')), 'report');
      const lane = await acquire();
      const id = nextId++;
      const started = Date.now();
      let laneErr = '';
      const onErr = (t: Buffer) => void (laneErr = (laneErr + t.toString()).slice(-4000));
      lane.stderr!.on('data', onErr);
      const answer = await new Promise<Answer | undefined>((resolve) => {
        const onMessage = (m: Answer) => m.id === id && done(m);
        const onExit = () => done(undefined);
        const killer = setTimeout(() => lane.kill('SIGKILL'), opts.killAfterMs ?? 20 * 60_000);
        function done(m: Answer | undefined) {
          clearTimeout(killer);
          lane.off('message', onMessage);
          lane.off('exit', onExit);
          resolve(m);
        }
        lane.on('message', onMessage);
        lane.once('exit', onExit);
        lane.send({ id, argv, reportDir, fullResults: opts.fullResults ?? false, env: { PATH: process.env.PATH, CI: 'true', ...opts.env }, cwd: ROOT });
      });
      lane.stderr!.off('data', onErr);
      // A lane that died (or was ended) is replaced by a fresh one on the next acquire.
      if (answer) release(lane);
      else {
        all.delete(lane);
        const next = waiting.shift();
        if (next) next(spawnLane());
      }
      if (!answer) return { code: null, stdout: '', stderr: `the lane ended before the command returned\n${laneErr}`, wallMs: Date.now() - started, reportDir };
      return { code: answer.code, stdout: answer.stdout, stderr: answer.stderr + laneErr, wallMs: answer.wallMs, reportDir, results: opts.fullResults ? readResults(reportDir) : answer.results };
    },
    async close() {
      const lanes = [...all];
      await Promise.all(
        lanes.map(
          (lane) =>
            new Promise<void>((resolve) => {
              if (lane.exitCode !== null || lane.signalCode !== null) return resolve();
              lane.once('exit', () => resolve());
              lane.disconnect();
            }),
        ),
      );
    },
  };
}

function readResults(reportDir: string): RunResults | undefined {
  try {
    return JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as RunResults;
  } catch {
    return undefined;
  }
}
