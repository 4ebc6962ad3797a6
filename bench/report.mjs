#!/usr/bin/env node
// The HTML report's budget: a run of 10,000 exchanges gives an index.html under 5 MB that Chromium loads in
// under 2 s. Runs `hookcert demo` against the reference receiver with enough --runs for ≥ 10,000 requests,
// then opens the report in the Chromium the browser tests use (scripts/chromium.mjs: the dev dependency
// @sparticuz/chromium, or HOOKCERT_CHROMIUM) and prints one JSON line:
//   { "exchanges": …, "bytes": …, "loadMs": …, "firstPaintMs": …, "runs": … }
// loadMs is the median, over a few fresh pages, of navigation start → load event end.
// Needs `npm run build` first. Usage: node bench/report.mjs [--runs N] [--seed S] [--min-exchanges N]
// or node bench/report.mjs --dir DIR [--min-exchanges N]: measure the report a run already wrote into DIR (kept).
// Exit code: 0 within budget, 1 over budget, 2 could not measure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';

const MAX_BYTES = 5_000_000;
const MAX_LOAD_MS = 2000;
const LOADS = 5;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minExchanges = arg('min-exchanges', 10_000);
const seed = arg('seed', 1);
let runs = arg('runs', 64);

if (!existsSync(bin)) {
  console.error('bench/report.mjs: dist/src/cli/bin.js is missing: run `npm run build` first');
  process.exit(2);
}

/** One demo run against the reference; its results and report folder. */
function demo(n) {
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-bench-report-'));
  console.error(`bench/report.mjs: hookcert demo --runs ${n} --seed ${seed} …`);
  const out = spawnSync(process.execPath, [bin, 'demo', '--runs', String(n), '--seed', String(seed), '--report-dir', dir], {
    cwd: root,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const file = join(dir, 'results.json');
  if (!existsSync(file)) {
    console.error(`bench/report.mjs: the demo wrote no results.json (exit ${out.status})`);
    process.exit(2);
  }
  return { dir, results: JSON.parse(readFileSync(file, 'utf8')) };
}

const dirIndex = process.argv.indexOf('--dir');
const given = dirIndex > 0 ? process.argv[dirIndex + 1] : undefined;
let run = given ? { dir: given, results: JSON.parse(readFileSync(join(given, 'results.json'), 'utf8')), kept: true } : demo(runs);
if (!given && run.results.stats.requests < minExchanges) {
  // The suite grows: scale --runs to the requests one run per property makes, with a margin.
  runs = Math.ceil((runs * minExchanges * 1.1) / run.results.stats.requests);
  rmSync(run.dir, { recursive: true, force: true });
  run = demo(runs);
}

const page = join(run.dir, 'index.html');
const bytes = statSync(page).size;
let browser;
try {
  browser = await launchChromium('bench/report.mjs');
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
const loads = [];
const paints = [];
try {
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    const t = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint') ?? performance.getEntriesByType('paint')[0];
      return { load: nav.loadEventEnd - nav.startTime, paint: paint ? paint.startTime : NaN };
    });
    loads.push(t.load);
    paints.push(t.paint);
    await context.close();
  }
} finally {
  await browser.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = {
  exchanges: run.results.stats.requests,
  bytes,
  loadMs: Math.round(median(loads)),
  firstPaintMs: Math.round(median(paints)),
  runs: given ? run.results.runs : runs,
};
console.log(JSON.stringify(line));
if (!run.kept) rmSync(run.dir, { recursive: true, force: true });
if (line.exchanges < minExchanges || bytes > MAX_BYTES || line.loadMs > MAX_LOAD_MS) {
  console.error(`bench/report.mjs: over budget: ${line.exchanges} exchanges (want ≥ ${minExchanges}), ${bytes} bytes (want < ${MAX_BYTES}), load ${line.loadMs} ms (want < ${MAX_LOAD_MS})`);
  process.exitCode = 1;
}
