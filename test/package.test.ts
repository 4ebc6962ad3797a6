import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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

describe('the npm package', () => {
  let version = '';
  it('packs, and installs into an empty folder with its runtime dependencies only', { timeout: SLOW }, () => {
    version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
    // Packed from a fresh copy of the sources (node_modules linked): its build writes no file of the shared
    // dist/ that other tests run from, and no stale compiled file can slip into the tarball.
    const tree = join(dir, 'tree');
    for (const entry of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'src', 'suites', 'schemas', 'scripts'])
      cpSync(join(packageRoot, entry), join(tree, entry), { recursive: true });
    symlinkSync(join(packageRoot, 'node_modules'), join(tree, 'node_modules'), 'dir');
    const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', dir], tree)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0].files.map((f) => f.path);
    expect(files).toContain('dist/src/cli/bin.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files.some((f) => f.startsWith('dist/suites/mplus/'))).toBe(true);
    expect(files.some((f) => f.startsWith('schemas/mplus/'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]); // compiled JS only
    expect(files.filter((f) => f.includes('.test.'))).toEqual([]);
    sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed[0].filename)]);
    expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'vitest'))).toBe(false);
    // publint over what was installed (no repacking).
    expect(sh(join(packageRoot, 'node_modules', '.bin', 'publint'), ['--pack', 'false', '--strict', join(dir, 'node_modules', 'hookcert')])).toMatch(/All good/);
  });

  it('npx hookcert --version and demo --runs 3 work from the installed package', { timeout: SLOW }, () => {
    expect(hookcert('--version').trim()).toBe(version);
    const demo = hookcert('demo', '--runs', '3', '--seed', '1', '--report-dir', join(dir, 'report'));
    expect(demo).toMatch(/verdict: conformant \(seed 1\)/);
    expect(JSON.parse(readFileSync(join(dir, 'report', 'results.json'), 'utf8')).tool).toEqual({ name: 'hookcert', version });
  });

  it('npx hookcert serve, then run against it; the library and hookcert/cli import', { timeout: SLOW }, async () => {
    // The installed bin itself (npx would run it as a child it does not pass signals to).
    const server = spawn(join(dir, 'node_modules', '.bin', 'hookcert'), ['serve', '--subscription-id', 'pkg-test'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening at (\S+)[\s\S]*generated secret \(base64\): (\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const secret = /generated secret \(base64\): (\S+)/.exec(out)![1];
      const run = sh('npx', ['--no', '--', 'hookcert', 'run', '--url', url, '--subscription-id', 'pkg-test', '--secret', secret, '--runs', '2', '--check', 'MP-SIG-001,MP-SIG-002,MP-SHP-001', '--report-dir', join(dir, 'run')]);
      expect(run).toMatch(/verdict: conformant/);
      expect(run).not.toContain(secret);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    const lib = sh('node', ['--input-type=module', '-e', "const m = await import('hookcert'); const c = await import('hookcert/cli'); console.log(typeof m.certify, typeof m.HookcertError, typeof c.main)"]);
    expect(lib.trim()).toBe('function function function');
  });
});
