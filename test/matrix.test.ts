import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../src/runner/results.js';
import { pool } from './hostile/child.js';
import { KNOWN } from './receivers/known.js';
import { startLanes, type Lanes } from './receivers/lanes.js';
import { COVERED, RECEIVERS, type AltReceiver } from './receivers/receivers.js';

// Verdicts that depend on the spec alone (issue 17): every alternative correct receiver of test/receivers/ gets
// the same verdict (conformant) and the same warnings under each of ten seeds, over real loopback HTTP: full
// `hookcert run`s (every check, --runs 3), in warm lanes (receivers/lanes.ts: the CLI's own main, one run at a
// time per lane, several lanes at once). False alarms not fixed yet are rows of known.ts: left out here, and
// each proven to still happen, so a fix shows up.
// Exploring: MATRIX_SEEDS=1-40 MATRIX_RECEIVERS=mac-bytes,cash-machine npx vitest run test/matrix.test.ts (MATRIX_KEEP=1
// keeps every report; the failing runs' are always kept)

const SEEDS = range(process.env.MATRIX_SEEDS ?? '1-10');
const RUNS = process.env.MATRIX_RUNS ?? '3';
const only = process.env.MATRIX_RECEIVERS?.split(',');
const receivers = RECEIVERS.filter((r) => !only || only.includes(r.name));
const SUBSCRIPTION_ID = 'matrix-subscription';

/** One run of the suite against one receiver under one seed. */
interface SeedRun {
  seed: number;
  code: number | null;
  results?: RunResults;
  stdout: string;
  stderr: string;
  wallMs: number;
  reportDir: string;
}

const runs = new Map<string, SeedRun[]>();
let lanes: Lanes;

beforeAll(async () => {
  const started = Date.now();
  lanes = startLanes(2 * availableParallelism() + 2);
  // The receivers written in TypeScript answer in this process: how long its event loop was held says whether a
  // late reply was theirs (printed with the runs).
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  // The receivers that mostly wait (long-polls, a slow cash machine) first, several lanes per core: their runs
  // overlap the ones that compute.
  const jobs = [...receivers].sort((a, b) => Number(b.waits ?? false) - Number(a.waits ?? false)).flatMap((r) => SEEDS.map((seed) => ({ r, seed })));
  const done = await pool(jobs, 2 * availableParallelism() + 2, ({ r, seed }) => runOnce(r, seed));
  await lanes.close();
  lag.disable();
  jobs.forEach(({ r }, i) => runs.set(r.name, [...(runs.get(r.name) ?? []), done[i]]));
  // The reports of the runs that went as expected are 4 MB each: only the others are kept, to be read
  // (all of them with MATRIX_KEEP=1).
  if (!process.env.MATRIX_KEEP)
    for (const r of receivers) for (const s of runs.get(r.name)!) if (wrong(r, s, new Set()).length === 0) rmSync(dirname(s.reportDir), { recursive: true, force: true });
  console.log(
    `matrix: ${receivers.length} receivers × ${SEEDS.length} seeds at --runs ${RUNS}: ${Math.round((Date.now() - started) / 1000)} s; this process's event loop held ${Math.round(lag.max / 1e6)} ms at most\n` +
      receivers.map((r) => `  ${r.name.padEnd(18)} ${runs.get(r.name)!.map((s) => `${s.seed}:${summary(s, r)}(${Math.round(s.wallMs / 1000)}s)${process.env.MATRIX_KEEP ? ` ${s.reportDir}` : ''}`).join(' ')}`).join('\n'),
  );
}, 30 * 60_000);
afterAll(() => lanes?.close());

async function runOnce(r: AltReceiver, seed: number): Promise<SeedRun> {
  const secret = r.profile === 'kopokopo' ? randomBytes(20).toString('hex') : randomBytes(32).toString('base64');
  const receiver = await r.start({ secret, subscriptionId: SUBSCRIPTION_ID });
  try {
    const subscription = r.profile === 'mplus' ? ['--subscription-id', SUBSCRIPTION_ID] : [];
    const out = await lanes.run(['run', '--profile', r.profile, '--url', receiver.url, ...subscription, '--seed', String(seed), '--runs', RUNS, ...r.args], {
      env: { HOOKCERT_SECRET: secret },
      killAfterMs: 20 * 60_000,
    });
    return { seed, code: out.code, results: out.results, stdout: out.stdout, stderr: out.stderr, wallMs: out.wallMs, reportDir: out.reportDir };
  } finally {
    await receiver.close();
  }
}

/** The checks of a run that did not pass or skip, as `MP-SIG-004:fail`. */
function notPassing(s: SeedRun): string[] {
  return (s.results?.checks ?? []).filter((c) => c.status !== 'pass' && c.status !== 'skip').map((c) => `${c.id}:${c.status}`);
}

function summary(s: SeedRun, r: AltReceiver): string {
  if (!s.results) return `exit ${s.code} (no results)`;
  const odd = notPassing(s).filter((x) => !(x.split(':')[0] in r.warns && x.endsWith(':warn')));
  return odd.length === 0 ? 'ok' : odd.join(',');
}

/** What a check of receiver `r` may end as under every seed: the warning its entry names, else pass or skip. */
function allowed(r: AltReceiver, id: string): string[] {
  return id in r.warns ? ['warn'] : ['pass', 'skip'];
}

/** The checks of `r` that are not as they should be under `seed`, leaving out the known false alarms. */
function wrong(r: AltReceiver, s: SeedRun, known: Set<string>): string[] {
  if (!s.results) return [`seed ${s.seed}: no results (exit ${s.code}): ${s.stderr.slice(-400)}`];
  const checks = s.results.checks.filter((c) => !known.has(c.id));
  const out = checks.filter((c) => !allowed(r, c.id).includes(c.status)).map((c) => `seed ${s.seed}: ${c.id} ${c.status}: ${c.failure?.message ?? c.reason ?? c.warnings.join(' | ')}`);
  for (const id of Object.keys(r.warns)) if (!known.has(id) && !s.results.checks.some((c) => c.id === id)) out.push(`seed ${s.seed}: ${id} did not run`);
  return out;
}

/** What must be the same under every seed: the verdict, the exit code and the checks that warn. */
function outcome(s: SeedRun, known: Set<string>): { verdict?: string; code: number | null; warnings: string[] } {
  const warnings = (s.results?.checks ?? []).filter((c) => c.status === 'warn' && !known.has(c.id)).map((c) => c.id);
  return { verdict: s.results?.verdict, code: s.code, warnings: warnings.sort() };
}

/** The checks whose status is not the same under every seed, as `MP-ERR-008: 1-4 skip, 5-10 pass`. */
function varying(seeds: SeedRun[], known: Set<string>): string[] {
  const byCheck = new Map<string, Map<number, string>>();
  for (const s of seeds)
    for (const c of s.results?.checks ?? []) if (!known.has(c.id)) byCheck.set(c.id, (byCheck.get(c.id) ?? new Map()).set(s.seed, c.status));
  return [...byCheck]
    .filter(([, bySeed]) => bySeed.size !== seeds.length || new Set(bySeed.values()).size > 1)
    .map(([id, bySeed]) => `${id}: ${seeds.map((s) => `${s.seed} ${bySeed.get(s.seed) ?? 'missing'}`).join(', ')}`);
}

describe('the matrix (issue 17 §4)', () => {
  it('has at least five alternative correct receivers, two of them not TypeScript, and one for each style §4 names', () => {
    expect(RECEIVERS.length).toBeGreaterThanOrEqual(5);
    expect(RECEIVERS.filter((r) => r.language !== 'TypeScript').length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(COVERED).filter((style) => !RECEIVERS.some((r) => r.covers.includes(style as keyof typeof COVERED)))).toEqual([]);
    // "one that answers only its subscribed events and 404 for the rest (run with --events)"
    for (const r of RECEIVERS.filter((x) => x.covers.includes('events-404'))) expect(r.args, r.name).toContain('--events');
  });
});

describe.each(receivers.map((r) => [r.name, r] as const))('%s', (name, r) => {
  const known = KNOWN.filter((k) => k.receiver === name);
  const knownIds = new Set(known.map((k) => k.check));

  it(`${r.language}, ${r.style}: the same verdict (conformant) and the same warnings under ${SEEDS.length} seeds`, () => {
    const seeds = runs.get(name)!;
    expect(seeds.map((s) => s.seed)).toEqual(SEEDS);
    // Check by check: each warns under every seed if the receiver's entry names it (with the spec's reason),
    // else it passes or skips; with the message of each that does not.
    expect(seeds.flatMap((s) => wrong(r, s, knownIds))).toEqual([]);
    // Seed by seed, the same outcome: conformant (exit 0), with the same set of warnings. A known false alarm
    // that fails a seed leaves that seed's verdict out (its it.fails below proves it still happens).
    const warnings = Object.keys(r.warns).filter((id) => !knownIds.has(id)).sort();
    const failsKnown = (s: SeedRun) => (s.results?.checks ?? []).some((c) => knownIds.has(c.id) && (c.status === 'fail' || c.status === 'error'));
    for (const s of seeds) {
      const o = outcome(s, knownIds);
      expect(failsKnown(s) ? { warnings: o.warnings } : o, `seed ${s.seed}`).toEqual(failsKnown(s) ? { warnings } : { verdict: 'conformant', code: 0, warnings });
    }
    // And each check ends the same way under every seed: one judged under a seed and skipped under the next
    // would be luck too.
    expect(varying(seeds, knownIds)).toEqual([]);
  });

  for (const k of known)
    it.fails(`known false alarm #${k.row} (/work/team/false-alarms.md): ${k.check} ${k.what}`, () => {
      const seeds = runs.get(name)!;
      const statuses = seeds.map((s) => s.results?.checks.find((c) => c.id === k.check)?.status);
      expect(statuses.filter((st) => !allowed(r, k.check).includes(st ?? 'missing'))).toEqual([]);
    });
});

/** `1-10` or `1,5,9` or `1-3,42`. */
function range(text: string): number[] {
  return text.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}
