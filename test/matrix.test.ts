import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../src/runner/results.js';
import { ensureBuilt, hookcert, pool } from './hostile/child.js';
import { KNOWN } from './receivers/known.js';
import { RECEIVERS, type AltReceiver } from './receivers/receivers.js';

// Verdicts that depend on the spec alone (issue 17): every alternative correct receiver of test/receivers/ gets
// the same verdict (conformant) and the same warnings under each of ten seeds, over real loopback HTTP
// (`hookcert run` children, several at once). False alarms not fixed yet are rows of known.ts: left out here,
// and each proven to still happen, so a fix shows up.
// Exploring: MATRIX_SEEDS=1-40 MATRIX_RECEIVERS=mac-bytes,cash-machine npx vitest run test/matrix.test.ts

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
}

const runs = new Map<string, SeedRun[]>();

beforeAll(async () => {
  ensureBuilt();
  const started = Date.now();
  // The receivers that mostly wait (long-polls, a slow cash machine) first, several lanes per core: their runs
  // overlap the ones that compute.
  const jobs = [...receivers].sort((a, b) => Number(b.waits ?? false) - Number(a.waits ?? false)).flatMap((r) => SEEDS.map((seed) => ({ r, seed })));
  const done = await pool(jobs, 2 * availableParallelism() + 2, ({ r, seed }) => runOnce(r, seed));
  jobs.forEach(({ r }, i) => runs.set(r.name, [...(runs.get(r.name) ?? []), done[i]]));
  console.log(
    `matrix: ${receivers.length} receivers × ${SEEDS.length} seeds at --runs ${RUNS}: ${Math.round((Date.now() - started) / 1000)} s\n` +
      receivers.map((r) => `  ${r.name.padEnd(18)} ${runs.get(r.name)!.map((s) => `${s.seed}:${summary(s, r)}(${Math.round(s.wallMs / 1000)}s)`).join(' ')}`).join('\n'),
  );
}, 30 * 60_000);

async function runOnce(r: AltReceiver, seed: number): Promise<SeedRun> {
  const secret = r.profile === 'kopokopo' ? randomBytes(20).toString('hex') : randomBytes(32).toString('base64');
  const receiver = await r.start({ secret, subscriptionId: SUBSCRIPTION_ID });
  try {
    const subscription = r.profile === 'mplus' ? ['--subscription-id', SUBSCRIPTION_ID] : [];
    const out = await hookcert(['run', '--profile', r.profile, '--url', receiver.url, ...subscription, '--seed', String(seed), '--runs', RUNS, ...r.args], {
      env: { HOOKCERT_SECRET: secret },
      killAfterMs: 20 * 60_000,
    });
    return { seed, code: out.code, results: out.results, stdout: out.stdout, stderr: out.stderr, wallMs: out.wallMs };
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

describe.each(receivers.map((r) => [r.name, r] as const))('%s', (name, r) => {
  const known = KNOWN.filter((k) => k.receiver === name);
  const knownIds = new Set(known.map((k) => k.check));

  it(`${r.language}, ${r.style}: conformant, with the same warnings, under ${SEEDS.length} seeds`, () => {
    const seeds = runs.get(name)!;
    expect(seeds.flatMap((s) => wrong(r, s, knownIds))).toEqual([]);
    // Known false alarms aside, the verdict is conformant every time.
    const failing = (s: SeedRun) => (s.results?.checks ?? []).some((c) => knownIds.has(c.id) && (c.status === 'fail' || c.status === 'error'));
    for (const s of seeds.filter((x) => !failing(x))) expect(s.results?.verdict, `seed ${s.seed}`).toBe('conformant');
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
