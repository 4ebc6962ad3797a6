import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './child.js';
import { BEHAVIOURS, startZoo, ZOO_SECRET, type Zoo } from './zoo.js';

// A crash inside a check is that check's `error` verdict and the run goes on, also when the crash happens
// outside the check's promise chain (a timer, a promise nobody awaited): in a real process, where such an
// error would otherwise end it, with the same process hooks as the CLI's.
let zoo: Zoo;
beforeAll(async () => {
  ensureBuilt();
  zoo = await startZoo(BEHAVIOURS);
}, 180_000);
afterAll(() => zoo.close());

const dist = (path: string) => pathToFileURL(join(ROOT, 'dist', 'src', path)).href;

const script = (url: string) => `
import { run } from '${dist('runner/run.js')}';
import { routeStrayError } from '${dist('runner/stop.js')}';
import { mplusDriver } from '${dist('pos/driver.js')}';
import { resolveRun } from '${dist('config/load.js')}';
import { catalogues } from '${dist('profiles.js')}';
const stray = (e) => { if (!routeStrayError(e)) console.error('stray: ' + e.message); };
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);
const resolved = resolveRun({ url: '${url}', events: 'startSession', seed: '1' }, catalogues, { HOOKCERT_SECRET: '${ZOO_SECRET}' });
const check = (id, run) => ({ id, title: 'MUST not crash', level: 'MUST', area: 'robustness', profile: 'mplus', spec: { doc: 'x', quote: 'x' }, run });
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const checks = [
  check('MP-ZZZ-001', async () => { throw new Error('thrown in the check'); }),
  check('MP-ZZZ-002', async () => { setTimeout(() => { throw new Error('thrown in a timer'); }, 5); await pause(300); }),
  check('MP-ZZZ-003', async () => { Promise.reject(new Error('a promise nobody awaited')); await pause(300); }),
  check('MP-ZZZ-004', async (t) => { const d = await t.send('startSession'); if (d.reply.status !== 200) throw new Error('not 200'); }),
];
const results = await run({ driver: mplusDriver, sub: resolved.sub, options: resolved.options, replayBase: ['npx', 'hookcert', 'run'], checks });
console.log(JSON.stringify({ verdict: results.verdict, checks: results.checks.map((c) => [c.id, c.status, c.reason ?? '']) }));
`;

it('gives each crashing check an error verdict and runs the checks after it', async () => {
  const out = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', script(zoo.url('ok'))], { cwd: ROOT, timeout: 30_000 }, (err, stdout, stderr) =>
      err ? reject(Object.assign(err, { stdout, stderr })) : resolve({ stdout, stderr }),
    ),
  );
  const { verdict, checks } = JSON.parse(out.stdout.trim().split('\n').pop()!) as { verdict: string; checks: Array<[string, string, string]> };
  expect(checks).toEqual([
    ['MP-ZZZ-001', 'error', 'hookcert could not judge this check: thrown in the check'],
    ['MP-ZZZ-002', 'error', 'hookcert could not judge this check: it crashed (thrown in a timer)'],
    ['MP-ZZZ-003', 'error', 'hookcert could not judge this check: it crashed (a promise nobody awaited)'],
    ['MP-ZZZ-004', 'pass', ''],
  ]);
  expect(verdict).toBe('not-conformant');
  expect(out.stderr).toBe('');
});
