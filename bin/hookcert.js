#!/usr/bin/env node
// The `hookcert` executable. The published package ships the compiled CLI (dist/, built by `prepack`) and runs
// nothing at install; this file only starts it. In a clone (sources beside it, no install-time build), the
// first run builds dist/ with the clone's own TypeScript, and so does a run after a source changed: a fresh
// `npm install && npx hookcert demo` works, and a clone never runs a stale build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'src', 'cli', 'bin.js');

/** The newest modification time below `dir` (0 when it does not exist). */
function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

function build() {
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write('hookcert: this clone has no build and no TypeScript to make one: run `npm install` (with the dev dependencies), then `npx hookcert` again\n');
    process.exit(2);
  }
  process.stderr.write(`hookcert: building dist/ from the sources (${existsSync(entry) ? 'a source changed' : 'the first run in this clone'}; about 10 s)…\n`);
  for (const args of [[tsc, '-p', join(root, 'tsconfig.build.json')], [join(root, 'scripts', 'prune-dist.mjs')]]) {
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      process.stderr.write(`hookcert: the build failed (${r.error?.message ?? `exit ${r.status}`}): run \`npm run build\` to see why\n`);
      process.exit(2);
    }
  }
}

const clone = existsSync(join(root, 'src')) && existsSync(join(root, 'tsconfig.build.json'));
if (clone) {
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  if (built === 0 || Math.max(newest(join(root, 'src')), newest(join(root, 'suites'))) > built) build();
}
// A run (`run`, `demo`) sends thousands of requests, each leaving short-lived garbage that outlives a few
// scavenges while it is in flight: V8 sizes the heap to its default limit (a few GB) and lets it grow to 300 MB
// and more, with a live set of about 30 MB. With an old-space limit of HEAP_MB it collects sooner: a 23,000-request
// run at --concurrency 64 peaked at 189 MB instead of 327 MB (bench/RESULTS.md, memory). The limit is a process
// flag, so the run is started as a child with it (the other commands, --version and --help, start at once).
const HEAP_MB = 384;
const heavy = ['run', 'demo'].includes(process.argv[2]);
if (heavy && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  // An interruption reaches the run (which ends incomplete with its report), not just this launcher. Ctrl-C in a
  // terminal signals both processes: the launcher then only waits for the run.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
} else await import(pathToFileURL(entry).href);
