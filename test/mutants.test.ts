import { describe, expect, it } from 'vitest';
import { loadMutants } from '../src/reference/mutants.js';
import { registry } from '../src/schema/registry.js';
import { cli, statuses } from './helpers.js';

// The whole matrix over real loopback HTTP: the reference passes every check; every mutant fails the checks
// `list-mutants` names for it, with a message that says what was wrong, and `demo --mutant` exits 1.
const mutants = await loadMutants('mplus');
const SEED = '20261121';

describe('mplus reference receiver', () => {
  it('passes every check: demo exits 0 and writes the four report files', async () => {
    const out = await cli(['demo', '--seed', SEED, '--runs', '12']);
    const failing = Object.entries(statuses(out.results)).filter(([, s]) => s !== 'pass');
    expect(failing, out.stdout).toEqual([]);
    expect(out.code).toBe(0);
    expect(out.results?.verdict).toBe('conformant');
    expect(registry().validate('report/results.schema.json', out.results)).toEqual([]);
  });
});

describe.each(mutants.map((m) => [m.name, m] as const))('mutant %s', (name, mutant) => {
  it(`fails ${mutant.checks.join(', ')} with a message, exit 1`, async () => {
    // Run-wide checks see a defect only beside the checks whose exchanges show it (`alongside`).
    const out = await cli(['demo', '--mutant', name, '--seed', SEED, '--runs', '12', '--check', [...mutant.checks, ...(mutant.alongside ?? [])].join(',')]);
    const got = statuses(out.results);
    for (const id of mutant.checks) expect(got[id], `${id}\n${out.stdout}`).toBe('fail');
    for (const c of out.results!.checks.filter((x) => mutant.checks.includes(x.id))) expect(c.failure?.message.length).toBeGreaterThan(10);
    expect(out.code).toBe(1);
    expect(registry().validate('report/results.schema.json', out.results)).toEqual([]);
  });
});

it('lists every mutant with the checks it must fail', async () => {
  const out = await cli(['list-mutants', '--json']);
  const listed = JSON.parse(out.stdout) as Array<{ name: string; checks: string[] }>;
  expect(listed.map((m) => m.name)).toEqual(mutants.map((m) => m.name));
  const checks = JSON.parse((await cli(['list', '--json'])).stdout) as Array<{ id: string; level: string }>;
  const ids = new Set(checks.map((c) => c.id));
  for (const m of listed) for (const id of m.checks) expect(ids.has(id), `${m.name} names unknown check ${id}`).toBe(true);
  // A check that cannot fail is a defect: every MUST and SHOULD check has a mutant that fails it.
  const covered = new Set(listed.flatMap((m) => m.checks));
  expect(checks.filter((c) => c.level !== 'INFO' && !covered.has(c.id)).map((c) => c.id)).toEqual([]);
});
