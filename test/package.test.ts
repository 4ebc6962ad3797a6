import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';

// What an integrator gets from `npm install hookcert`: the tarball `npm pack` makes, installed into an empty
// folder, with nothing of this repository (no dev dependency, no sources) in reach. Slow: it packs (which
// builds), installs from the registry (or the npm cache) and runs one demo.
const SLOW = 600_000;
const dir = mkdtempSync(join(tmpdir(), 'hookcert-package-'));
const env = { ...process.env, CI: 'true', NO_COLOR: '1', HOOKCERT_SECRET: undefined, NODE_OPTIONS: undefined, VITEST: undefined };
const sh = (cmd: string, args: string[], cwd = dir) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: SLOW });
const hookcert = (...args: string[]) => sh('npx', ['--no', '--', 'hookcert', ...args]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string>; allowScripts?: Record<string, boolean> };
// A fresh copy of the sources, as a clone has them (node_modules linked, no dist/): its builds write no file of
// the shared dist/ that other tests run from, and no stale compiled file can slip into the tarball.
const tree = join(dir, 'tree');

describe('a fresh clone', () => {
  it('npm install runs nothing: no install-time script of its own, none unreviewed among the dependencies', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[hook], hook).toBeUndefined();
    expect(sh('npm', ['install-scripts', 'ls'], packageRoot)).toContain('No packages with unreviewed install scripts.');
  });

  it('the first `npx hookcert` builds dist/ from the sources and says so; later runs start at once', { timeout: SLOW }, () => {
    for (const entry of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'src', 'suites', 'schemas', 'scripts', 'bin'])
      cpSync(join(packageRoot, entry), join(tree, entry), { recursive: true });
    symlinkSync(join(packageRoot, 'node_modules'), join(tree, 'node_modules'), 'dir');
    const first = spawnSync('npx', ['--no', '--', 'hookcert', 'demo', '--runs', '2', '--seed', '1', '--check', 'MP-SIG-001,MP-SIG-002', '--report-dir', join(dir, 'clone-report')], { cwd: tree, env, encoding: 'utf8', timeout: SLOW });
    expect(first.stderr).toMatch(/^hookcert: building dist\/ from the sources \(the first run in this clone; about 10 s\)…\n$/);
    expect(first.stdout).toMatch(/verdict: conformant · gate: passed \(no failures, no baseline\) \(seed 1\)/);
    expect(existsSync(join(tree, 'dist', 'src', 'cli', 'bin.js'))).toBe(true);
    const again = spawnSync('npx', ['--no', '--', 'hookcert', '--version'], { cwd: tree, env, encoding: 'utf8', timeout: SLOW });
    expect(again.stderr).toBe('');
    expect(again.stdout.trim()).toBe(manifest.version);
  });
});

describe('the npm package', () => {
  const version = manifest.version;
  it('packs, and installs into an empty folder with its runtime dependencies only', { timeout: SLOW }, () => {
    if (!existsSync(tree)) {
      for (const entry of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'src', 'suites', 'schemas', 'scripts', 'bin'])
        cpSync(join(packageRoot, entry), join(tree, entry), { recursive: true });
      symlinkSync(join(packageRoot, 'node_modules'), join(tree, 'node_modules'), 'dir');
    }
    const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', dir], tree)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0].files.map((f) => f.path);
    expect(files).toContain('bin/hookcert.js');
    expect(files).toContain('dist/src/cli/bin.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files.some((f) => f.startsWith('dist/suites/mplus/'))).toBe(true);
    expect(files.some((f) => f.startsWith('schemas/mplus/'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]); // compiled JS only
    expect(files.filter((f) => f.includes('.test.'))).toEqual([]);
    // npm runs `prepack` (the build) on the packing machine; installing the tarball runs no script of hookcert's.
    const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--foreground-scripts', join(dir, packed[0].filename)], { cwd: dir, env, encoding: 'utf8', timeout: SLOW });
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stdout + installed.stderr).not.toMatch(/hookcert@[\d.]+ (prepare|preinstall|install|postinstall)/);
    // npm (11.16 and later) lists the dependencies whose install scripts the installing project has not reviewed
    // (allowScripts): msw's postinstall is the only one, and harmless (it copies msw's browser worker only into a
    // project that configures msw.workerDirectory; README, "Set up").
    const unreviewed = [...(installed.stdout + installed.stderr).matchAll(/install-scripts\s+(\S+)@\d[^\s]* \(/g)].map((m) => m[1]);
    expect(unreviewed.filter((name) => name !== 'msw')).toEqual([]);
    expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'vitest'))).toBe(false);
    // publint over what was installed (no repacking).
    expect(sh(join(packageRoot, 'node_modules', '.bin', 'publint'), ['--pack', 'false', '--strict', join(dir, 'node_modules', 'hookcert')])).toMatch(/All good/);
  });

  it('npx hookcert --version and demo --runs 3 work from the installed package, which builds nothing', { timeout: SLOW }, () => {
    const v = spawnSync('npx', ['--no', '--', 'hookcert', '--version'], { cwd: dir, env, encoding: 'utf8', timeout: SLOW });
    expect(v.stdout.trim()).toBe(version);
    expect(v.stderr).toBe(''); // no "building dist/": the package has no sources to build from
    const demo = hookcert('demo', '--runs', '3', '--seed', '1', '--report-dir', join(dir, 'report'));
    expect(demo).toMatch(/verdict: conformant · gate: passed \(no failures, no baseline\) \(seed 1\)/);
    expect(JSON.parse(readFileSync(join(dir, 'report', 'results.json'), 'utf8')).tool).toEqual({ name: 'hookcert', version });
  });

  it('npx hookcert serve prints a run command that certifies it as pasted; stopping npx stops the server', { timeout: SLOW }, async () => {
    const server = spawn('npx', ['--no', '--', 'hookcert', 'serve', '--subscription-id', 'pkg-test'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const pasted = await new Promise<string>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /certify it from another terminal:\n {2}(.+)\n/.exec(out);
        if (m) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const url = /listening at (\S+)/.exec(out)![1];
    const secret = /generated secret \(base64\): (\S+)/.exec(out)![1];
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    expect(pasted).toMatch(new RegExp(`^HOOKCERT_SECRET=('?)${esc(secret)}\\1 npx hookcert run --url ${esc(url)} --subscription-id pkg-test$`));
    // The command as a person pastes it (a shell), a quick pass added at the end.
    const run = sh('sh', ['-c', `${pasted.replace(' npx ', ' npx --no -- ')} --runs 2 --check MP-SIG-001,MP-SIG-002,MP-SHP-001 --report-dir ${join(dir, 'run')}`]);
    expect(run).toMatch(/verdict: conformant/);
    expect(run).not.toContain(secret);
    // npx passes no signal on to the server it started: the server notices it was left behind and stops.
    server.kill('SIGTERM');
    const port = Number(new URL(url).port);
    const closed = async () => {
      for (let i = 0; i < 50; i++) {
        const refused = await new Promise<boolean>((resolve) => {
          const socket = connect(port, '127.0.0.1');
          socket.once('connect', () => (socket.destroy(), resolve(false)));
          socket.once('error', () => resolve(true));
        });
        if (refused) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    };
    expect(await closed()).toBe(true);
  });

  it('the library and hookcert/cli import', { timeout: SLOW }, () => {
    const lib = sh('node', ['--input-type=module', '-e', "const m = await import('hookcert'); const c = await import('hookcert/cli'); console.log(typeof m.certify, typeof m.HookcertError, typeof c.main)"]);
    expect(lib.trim()).toBe('function function function');
  });
});
