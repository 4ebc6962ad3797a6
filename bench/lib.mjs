// Helpers of the benchmark (bench/run.mjs): child processes, timing, medians. Every receiver, proxy and CLI
// runs in its own process, so nothing measured shares an event loop with what measures it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
/** What `npx hookcert` runs. */
export const bin = join(root, 'bin', 'hookcert.js');
export const SUB = 'hookcert-bench';
export const secret = randomBytes(32).toString('base64');
export const env = { ...process.env, HOOKCERT_SECRET: secret, HOOKCERT_BENCH_SUB: SUB, CI: 'true', NO_COLOR: '1' };
export const scratch = mkdtempSync(join(tmpdir(), 'hookcert-bench-'));
export const log = (text) => console.error(`bench: ${text}`);
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
export const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
export const seconds = (ms) => round(ms / 1000);

/** Starts a node script that prints `{"url": …}` once listening; resolves with the URL and a stop function. */
export function server(script, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, script), ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ url: JSON.parse(out.slice(0, nl)).url, stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited (${code})`)));
  });
}

/** The reference receiver (bench/receiver.mjs reference), behind a proxy adding `delayMs` to every reply when given. */
export async function reference(delayMs) {
  const recv = await server('receiver.mjs', ['reference']);
  if (!delayMs) return recv;
  const proxy = await server('latency-proxy.mjs', [recv.url, String(delayMs)]);
  return { url: proxy.url, stop: () => (proxy.stop(), recv.stop()) };
}

/** Runs a node script to its end (synchronously) and parses the last JSON line it prints. */
export function node(args, opts = {}) {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, args, { env: { ...env, ...opts.env }, cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, timeout: opts.timeout ?? 1_800_000 });
  const wallMs = Math.round(performance.now() - t0);
  const last = out.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  return { code: out.status, wallMs, json: last ? JSON.parse(last) : undefined, stdout: out.stdout, stderr: out.stderr };
}

/** Wall time (ms) of `node <args>` from spawn to exit, output discarded. */
export function wall(args) {
  const t0 = performance.now();
  spawnSync(process.execPath, args, { env, cwd: root, stdio: 'ignore' });
  return performance.now() - t0;
}

/**
 * Runs the CLI as a user would (`hookcert <args>`, a child process; spawn to exit), without blocking the bench:
 * its exit code, wall time, peak RSS (HOOKCERT_REPORT_RSS), results.json, and when each line of its output came.
 */
export function hookcert(args, { nodeArgs = [], env: extra = {}, killAfterMs = 1_800_000 } = {}) {
  const dir = args.includes('--report-dir') ? args[args.indexOf('--report-dir') + 1] : mkdtempSync(join(scratch, 'run-'));
  const argv = args.includes('--report-dir') ? args : [...args, '--report-dir', dir];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, bin, ...argv], { env: { ...env, HOOKCERT_REPORT_RSS: '1', ...extra }, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    pending += d;
    const parts = pending.split('\n');
    pending = parts.pop();
    for (const text of parts) lines.push({ atMs: performance.now() - t0, text });
  });
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const wallMs = Math.round(performance.now() - t0);
      const rss = /peak RSS (\d+) KiB/.exec(stderr)?.[1];
      const file = join(dir, 'results.json');
      const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
      resolve({ code, signal, wallMs, peakRssMb: rss ? Math.round(Number(rss) / 1024) : undefined, results, lines, stderr, dir });
    });
  });
}

/** The figures of a finished run that every table shows. */
export function summary(r) {
  return { wallMs: r.wallMs, requests: r.results?.stats.requests, checks: r.results?.summary.total, verdict: r.results?.verdict ?? `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}`, peakRssMb: r.peakRssMb };
}
