#!/usr/bin/env node
// `npm run bench`: every performance figure of hookcert, side by side in one run on loopback, each with its
// target and whether it is met. Writes bench/results.json and bench/RESULTS.md (both committed). Ratios
// measured in one run hold when a shared machine's speed drifts; repeated figures are medians.
//   node bench/run.mjs [--seconds S]            (S: seconds per throughput measurement, default 5)
//   node bench/run.mjs --only startup,hostile   (some figures only, printed; the files are written by a full run)
//   node bench/run.mjs --only memory,hostile --update   (those figures re-measured into the files, each marked with when and the load)
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { bin, here, hookcert, log, median, node, reference, root, round, scratch, server, SUB, summary, wall } from './lib.mjs';
import { memoryFigure, shrinkFigure, timingFigure } from './loopback.mjs';
import { markdown } from './markdown.mjs';

const argValue = (name, fallback) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const SECONDS = argValue('seconds', 5);
const only = process.argv.includes('--only') ? new Set(process.argv[process.argv.indexOf('--only') + 1].split(',')) : undefined;
const want = (name) => !only || only.has(name);
const started = Date.now();
const figures = {};
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: round(totalmem() / 2 ** 30), freeMemoryGb: round(freemem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`, loadAverageAtStart: loadavg().map((x) => round(x, 2)) };
log(`machine: ${machine.cores} × ${machine.cpu}, load ${machine.loadAverageAtStart.join(' ')}`);
spawnSync(process.execPath, [bin, '--version'], { cwd: root, stdio: 'ignore' }); // builds dist/ in a clone when a source changed
const run = (url, extra = []) => ['run', '--url', url, '--subscription-id', SUB, '--seed', '1', ...extra];

// The --concurrency 1 runs behind latency wait on the network nearly all the time (one request in flight): they
// start first, each against a receiver and proxy of its own, and run beside the other figures.
const LATENCIES = [50, 150];
const oneAtATime = want('latency')
  ? Promise.all(
      LATENCIES.flatMap((delay) =>
        [[], ['--quick']].map(async (quick) => {
          const recv = await reference(delay);
          try {
            return { delay, quick: quick.length > 0, ...summary(await hookcert(run(recv.url, [...quick, '--concurrency', '1']))) };
          } finally {
            recv.stop();
          }
        }),
      ),
    )
  : Promise.resolve([]);

// 1. Start-up: `hookcert --version` beside `node -e 0`, alternating.
if (want('startup')) {
  log('start-up …');
  const base = [];
  const version = [];
  const help = [];
  for (let i = 0; i < 15; i++) {
    base.push(wall(['-e', '0']));
    version.push(wall([bin, '--version']));
    help.push(wall([bin, '--help']));
  }
  const list = [0, 1, 2].map(() => wall([bin, 'list']));
  const aboveMs = round(median(version) - median(base), 0);
  figures.startup = { target: '`hookcert --version` ≤ 150 ms above `node -e 0` (medians of 15, alternating)', met: aboveMs <= 150, nodeMs: round(median(base), 0), versionMs: round(median(version), 0), helpMs: round(median(help), 0), listMs: round(median(list), 0), aboveMs };
}

// 2. Engine overhead: hookcert's engine vs autocannon, same trivial receiver, rounds alternating; undici alone
// (hookcert's HTTP client without the engine around it) beside them, the floor any engine on it stands on.
if (want('engine')) {
  const recv = await server('receiver.mjs', ['trivial']);
  const rows = [];
  try {
    for (const c of [1, 8, 64]) {
      const rounds = [];
      for (let k = 0; k < 3; k++) {
        log(`engine: concurrency ${c}, round ${k + 1}: hookcert, undici alone, autocannon …`);
        const h = node([join(here, 'engine.mjs'), 'throughput', recv.url, String(c), String(SECONDS * 1000)]).json;
        // The same bytes on the wire: the fixed body of undici alone and autocannon is the size of hookcert's mean request.
        const u = node([join(here, 'undici.mjs'), recv.url, String(c), String(SECONDS * 1000), String(h.meanBodyBytes)]).json;
        const a = node([join(here, 'cannon.mjs'), recv.url, String(c), String(SECONDS * 1000), String(h.meanBodyBytes)]).json;
        rounds.push({ h, u, a, ratio: h.rps / a.rps });
      }
      const mid = rounds.find((r) => r.ratio === median(rounds.map((x) => x.ratio)));
      rows.push({
        concurrency: c,
        hookcertRps: mid.h.rps,
        hookcertCpuMsPerRequest: mid.h.cpuMsPerRequest,
        hookcertFailures: mid.h.failures,
        bodyBytes: mid.h.meanBodyBytes,
        undiciRps: mid.u.rps,
        undiciCpuMsPerRequest: mid.u.cpuMsPerRequest,
        autocannonRps: mid.a.rps,
        autocannonCpuMsPerRequest: mid.a.cpuMsPerRequest,
        ratio: round(mid.ratio, 3),
        undiciRatio: round(mid.u.rps / mid.a.rps, 3),
        ratios: rounds.map((r) => round(r.ratio, 3)),
      });
    }
  } finally {
    recv.stop();
  }
  const at64 = rows.find((r) => r.concurrency === 64);
  figures.engine = { target: 'hookcert ≥ 0.3 × autocannon requests/s at concurrency 64 (median of 3 alternating rounds)', met: at64.ratio >= 0.3, rows };
}

// 3. Timing accuracy: reported latency vs the delay the receiver really held; MP-TIM-001 flips at the budget.
if (want('timing')) figures.timing = await timingFigure();

// 4. A certification on loopback (for the memory figure's --runs, and the README).
if (want('demo')) {
  const demo = async (extra) => {
    const r = await hookcert(['demo', '--seed', '1', ...extra]);
    return { ...summary(r), runs: r.results?.runs };
  };
  log('demo on loopback: default, --quick …');
  figures.demo = { target: 'none (on loopback: the latency figures carry the targets)', met: true, default: await demo([]), quick: await demo(['--quick']) };
}

// 5. The reference behind 50 ms and 150 ms of added latency: default and --quick, beside --concurrency 1.
if (want('latency')) {
  const rows = [];
  for (const delay of LATENCIES) {
    for (const quick of [false, true]) {
      const times = delay === 50 ? 3 : 1;
      const got = [];
      for (let k = 0; k < times; k++) {
        log(`latency ${delay} ms: ${quick ? '--quick' : 'default'} (${k + 1}/${times}) …`);
        const recv = await reference(delay);
        try {
          got.push(summary(await hookcert(run(recv.url, quick ? ['--quick'] : []))));
        } finally {
          recv.stop();
        }
      }
      rows.push({ delay, quick, ...got.find((g) => g.wallMs === median(got.map((x) => x.wallMs))), wallsMs: got.map((g) => g.wallMs) });
    }
  }
  log('latency: waiting for the --concurrency 1 runs …');
  for (const one of await oneAtATime) {
    const row = rows.find((r) => r.delay === one.delay && r.quick === one.quick);
    row.oneAtATime = one;
    row.speedup = round(one.wallMs / row.wallMs, 1);
  }
  const d50 = rows.find((r) => r.delay === 50 && !r.quick);
  const q50 = rows.find((r) => r.delay === 50 && r.quick);
  figures.latency = {
    target: 'default run behind 50 ms ≤ 60 s and ≥ 5 × faster than --concurrency 1 in the same run; --quick behind 50 ms ≤ 15 s',
    met: d50.wallMs <= 60_000 && d50.speedup >= 5 && q50.wallMs <= 15_000 && d50.verdict === 'conformant' && q50.verdict === 'conformant',
    rows,
  };
}

// 6. The slow-replies mutant (startSession 300 ms past its budget), default run: its wall time, and when its timing failure showed.
if (want('slow')) {
  log('slow-replies mutant …');
  const r = await hookcert(['demo', '--mutant', 'slow-replies', '--seed', '1']);
  const shown = r.lines.find((l) => /MP-TIM-001/.test(l.text) && /fail/.test(l.text));
  const statuses = Object.fromEntries((r.results?.checks ?? []).map((c) => [c.id, c.status]));
  figures.slow = { target: 'demo --mutant slow-replies (defaults) ≤ 60 s, MP-TIM-001 failing', met: r.wallMs <= 60_000 && statuses['MP-TIM-001'] === 'fail', ...summary(r), timingFailureShownAtMs: shown ? Math.round(shown.atMs) : undefined, timingChecks: { 'MP-TIM-001': statuses['MP-TIM-001'], 'MP-TIM-002': statuses['MP-TIM-002'] }, statusCounts: r.results?.summary };
}

// 7. Memory: ≥ 100,000 requests at --concurrency 64 against the reference in another process; RSS sampled in the run.
if (want('memory')) figures.memory = await memoryFigure(figures.demo);

// 8. Hostile endpoints, default flags: a verdict within 60 s, in under 300 MB.
if (want('hostile')) {
  const zoo = await server('hostile.mjs');
  const rows = [];
  try {
    for (const behaviour of ['headers-no-body', 'trickle', 'reset-mid-body', 'deep-nesting', 'gigabyte']) {
      log(`hostile: ${behaviour} …`);
      const r = await hookcert(run(`${zoo.url}/${behaviour}`), { killAfterMs: 300_000 });
      rows.push({ behaviour, ...summary(r), reason: r.results?.incompleteReason, met: r.wallMs <= 60_000 && (r.peakRssMb ?? Infinity) < 300 && r.results !== undefined });
    }
  } finally {
    zoo.stop();
  }
  figures.hostile = { target: 'against each hostile endpoint (default flags): a verdict within 60 s, peak RSS under 300 MB', met: rows.every((r) => r.met), rows };
}

// 9. Shrinking a failure planted at 21 lines; 10. the report of the 100,000-request run.
if (want('shrink')) figures.shrink = await shrinkFigure();
if (want('report') && figures.memory?.reportDir) {
  log('report: loading the 100,000-request report in Chromium …');
  const r = node([join(here, 'report.mjs'), '--dir', figures.memory.reportDir, '--min-exchanges', '100000']);
  figures.report = { target: 'index.html under 5 MB, loaded in Chromium under 2 s (bench/report.mjs budget)', met: r.code === 0, ...(r.json ?? { error: r.stderr.trim().split('\n').pop() }) };
}
if (figures.memory) delete figures.memory.reportDir;
await oneAtATime;

rmSync(scratch, { recursive: true, force: true });
const end = { ...machine, loadAverageAtEnd: loadavg().map((x) => round(x, 2)) };
if (only && !process.argv.includes('--update')) {
  console.log(JSON.stringify(figures, null, 2));
  process.exit(0);
}
// --only … --update: these figures, re-measured, replace theirs in results.json; each says when and under what load.
const previous = only ? JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')) : undefined;
const remeasured = only ? Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { ...f, remeasured: { at: new Date(started).toISOString(), benchMs: Date.now() - started, loadAverageAtStart: machine.loadAverageAtStart, loadAverageAtEnd: end.loadAverageAtEnd } }])) : figures;
const results = previous ? { ...previous, figures: { ...previous.figures, ...remeasured } } : { takenAt: new Date(started).toISOString(), benchMs: Date.now() - started, machine: end, figures };
writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(here, 'RESULTS.md'), markdown(results));
log(`done in ${round((Date.now() - started) / 1000)} s: bench/results.json, bench/RESULTS.md`);
for (const [name, f] of Object.entries(figures)) log(`${f.met ? 'met    ' : 'NOT MET'} ${name}: ${f.target}`);
