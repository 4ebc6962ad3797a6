import { loadMutants } from '../../src/reference/mutants.js';
import type { RunResults } from '../../src/runner/results.js';
import type { ProfileName } from '../../src/runner/types.js';
import { pool } from '../hostile/child.js';
import { startLanes, type Lanes } from '../receivers/lanes.js';

/**
 * The kill matrix: the whole suite run against the reference and against every mutant (not only the checks a
 * mutant lists), and which checks each one fails. Every run is a `hookcert demo` in a warm lane (test/receivers/lanes.ts:
 * the CLI's own main in a long-lived Node process, one run at a time per lane, several lanes at once): the checks
 * of one run are CPU work, and a fresh process per run would spend half of it starting and compiling; the slow
 * and hanging mutants mostly wait.
 */

/** How the matrix is run; changing it moves the matrix, so it is written in the snapshot. */
export const KILL_RUN = { seed: '20261121', runs: 3 } as const;

/**
 * Mutants run against the checks they list only, not the whole suite, and why (`profile/name` → reason): for a
 * mutant whose whole-suite run would wait for minutes. None since checks run side by side (slow-replies: 35 s).
 */
export const LISTED_ONLY: Record<string, string> = {};

/** What one run of the whole suite did to the checks. */
export interface Kills {
  /** Set when only the listed checks ran ({@link LISTED_ONLY}). */
  scope?: 'listed checks';
  /** The checks the mutant must fail (`list-mutants`); empty for the reference. */
  checks: string[];
  /** The checks that failed. */
  fails: string[];
  /** The checks hookcert could not judge (`error`). */
  errors: string[];
}

/** One run of the matrix, with what the test needs beside the kills. */
export interface KillRun extends Kills {
  name: string;
  code: number | null;
  wallMs: number;
  results?: RunResults;
  stdout: string;
}

/** The receiver runs of `profile`: the reference (name `reference`) first, then each mutant. */
export async function killTargets(profile: ProfileName): Promise<Array<{ name: string; checks: string[] }>> {
  const mutants = await loadMutants(profile);
  return [{ name: 'reference', checks: [] }, ...mutants.map((m) => ({ name: m.name, checks: m.checks }))];
}

/** Runs the whole suite against `name` (a mutant, or `reference`) of `profile`, in one of `lanes`. */
export async function killRun(lanes: Lanes, profile: ProfileName, target: { name: string; checks: string[] }): Promise<KillRun> {
  const mutant = target.name === 'reference' ? [] : ['--mutant', target.name];
  const listedOnly = `${profile}/${target.name}` in LISTED_ONLY;
  const scope = listedOnly ? ['--check', target.checks.join(',')] : [];
  const run = await lanes.run(['demo', '--profile', profile, ...mutant, '--seed', KILL_RUN.seed, '--runs', String(KILL_RUN.runs), ...scope], { killAfterMs: 600_000, fullResults: true });
  const of = (status: string) => (run.results?.checks ?? []).filter((c) => c.status === status).map((c) => c.id).sort();
  return {
    name: target.name,
    ...(listedOnly ? { scope: 'listed checks' as const } : {}),
    checks: [...target.checks].sort(),
    fails: of('fail'),
    errors: of('error'),
    code: run.code,
    wallMs: run.wallMs,
    results: run.results,
    stdout: run.stdout,
  };
}

/** Every run of the matrices of `profiles`, in `lanes` lanes at a time (the slowest targets first). */
export async function killMatrices(profiles: readonly ProfileName[], lanes: number): Promise<Record<string, KillRun[]>> {
  const jobs = (await Promise.all(profiles.map(async (p) => (await killTargets(p)).map((t) => ({ profile: p, target: t }))))).flat();
  // Waiting mutants first, so they overlap the CPU-bound ones instead of ending the matrix alone.
  const slow = (name: string) => /slow|hang|concurrency|never|loop|busy/.test(name);
  jobs.sort((a, b) => Number(slow(b.target.name)) - Number(slow(a.target.name)));
  const warm = startLanes(lanes);
  const runs = await pool(jobs, lanes, (j) => killRun(warm, j.profile, j.target)).finally(() => warm.close());
  const out: Record<string, KillRun[]> = Object.fromEntries(profiles.map((p) => [p, []]));
  jobs.forEach((j, i) => out[j.profile].push(runs[i]));
  for (const p of profiles) out[p].sort((a, b) => (a.name === 'reference' ? -1 : b.name === 'reference' ? 1 : a.name.localeCompare(b.name)));
  return out;
}

/** The snapshot entry of a run: what the matrix freezes. */
export function entry(run: KillRun): Kills {
  return { ...(run.scope ? { scope: run.scope } : {}), checks: run.checks, fails: run.fails, errors: run.errors };
}
