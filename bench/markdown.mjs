// bench/RESULTS.md from bench/results.json: every figure with its target and whether it is met.
import { round, seconds } from './lib.mjs';

const yes = (x) => (x ? '**met**' : '**not met**');
const s = (ms) => (ms === undefined ? '?' : `${seconds(ms)} s`);

/** The markers of the README's performance figures (test/readme.test.ts holds them to bench/RESULTS.md). */
export const README_BEGIN = '<!-- bench:begin (bench/RESULTS.md, written by `npm run bench`) -->';
export const README_END = '<!-- bench:end -->';

/** The page. */
export function markdown({ takenAt, benchMs, machine: m, figures: f }) {
  const out = [
    '# hookcert benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.mjs) on ${takenAt.slice(0, 10)} in ${round(benchMs / 1000, 0)} s. Machine: ${m.cores} × ${m.cpu}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; load average ${m.loadAverageAtStart.join(' / ')} at the start, ${m.loadAverageAtEnd?.join(' / ') ?? '?'} at the end (a shared machine: other work ran beside the bench, which is why figures are measured side by side in one run and repeated ones are medians).`,
    '',
    'Every receiver, proxy and CLI runs in its own process on 127.0.0.1; wall times are a user\'s: `hookcert …` from spawn to exit.',
    '',
  ];
  out.push(...table(f), '');
  if (f.latency) {
    out.push(`## A certification behind latency — ${yes(f.latency.met)}`, '', `Target: ${f.latency.target}. The reference receiver behind a loopback proxy that holds every reply for the added latency (bench/latency-proxy.mjs), \`hookcert run\` with the defaults (--concurrency 16) and with \`--concurrency 1\` (one check, one request at a time: the former behaviour). The --concurrency 1 runs wait on the network nearly all the time: they ran beside the other figures, each against its own receiver and proxy. Runs behind 50 ms: median of 3.`, '');
    out.push('| added latency | run | requests | wall, --concurrency 16 | wall, --concurrency 1 | faster | peak RSS | verdict |', '|---:|---|---:|---:|---:|---:|---:|---|');
    for (const r of f.latency.rows) out.push(`| ${r.delay} ms | ${r.quick ? '`--quick`' : 'default'} | ${r.requests} | ${s(r.wallMs)} | ${s(r.oneAtATime?.wallMs)} | ${r.speedup ?? '?'} × | ${r.peakRssMb} MB | ${r.verdict} |`);
    out.push('');
  }
  if (f.slow) {
    out.push(`## The slow-replies mutant — ${yes(f.slow.met)}`, '', `Target: ${f.slow.target}. \`hookcert demo --mutant slow-replies\`: startSession answered 300 ms after its 3 s budget, every other event in time. ${f.slow.requests} requests in ${s(f.slow.wallMs)}, peak ${f.slow.peakRssMb} MB, verdict ${f.slow.verdict}; MP-TIM-001 ${f.slow.timingChecks['MP-TIM-001']}, MP-TIM-002 ${f.slow.timingChecks['MP-TIM-002']}, its failure on the console after ${s(f.slow.timingFailureShownAtMs)}. Checks: ${Object.entries(f.slow.statusCounts ?? {}).map(([k, v]) => `${v} ${k}`).join(', ')}.`, '');
  }
  if (f.startup) out.push(`## Start-up — ${yes(f.startup.met)}`, '', `Target: ${f.startup.target}. \`node -e 0\` ${f.startup.nodeMs} ms, \`hookcert --version\` ${f.startup.versionMs} ms (${f.startup.aboveMs} ms above), \`hookcert --help\` ${f.startup.helpMs} ms, \`hookcert list\` ${f.startup.listMs} ms (it reads the checks; no schema is compiled).`, '');
  if (f.engine) {
    out.push(`## Engine overhead — ${yes(f.engine.met)}`, '', `Target: ${f.engine.target}. bench/engine.mjs drives the real engine: N workers, each a check context (MplusContext) delivering requests generated ahead of sending (as a check's cases are): stamping, serialising, HMAC signing, the HttpClient (undici's dispatcher), timing, reply judging (signature, JSON, ajv) and the Recorder; autocannon (a fixed body, of the mean size of hookcert\'s requests in the same round: the same bytes on the wire) against the same trivial receiver, alternating with it; beside them undici alone (bench/undici.mjs: hookcert\'s HTTP client, its Agent settings and response handler, autocannon\'s fixed body, nothing else), the floor of any engine built on it. Requests are generated before the warm-up (a check generates its cases before it sends them): the figure is the sending engine\'s.`, '');
    out.push('| concurrency | hookcert req/s | CPU ms/request | undici alone req/s | CPU ms/request | autocannon req/s | CPU ms/request | hookcert ÷ autocannon (median) | undici alone ÷ autocannon | ratios of the rounds |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of f.engine.rows) out.push(`| ${r.concurrency} | ${r.hookcertRps} | ${r.hookcertCpuMsPerRequest} | ${r.undiciRps ?? '?'} | ${r.undiciCpuMsPerRequest ?? '?'} | ${r.autocannonRps} | ${r.autocannonCpuMsPerRequest ?? '?'} | ${r.ratio} | ${r.undiciRatio ?? '?'} | ${r.ratios.join(', ')} |`);
    out.push('');
  }
  if (f.memory) {
    out.push(`## Memory — ${yes(f.memory.met)}`, '', `Target: ${f.memory.target}. \`hookcert run --runs ${f.memory.runs} --concurrency 64\` against the reference receiver in another process: ${f.memory.requests} requests in ${s(f.memory.wallMs)} (${f.memory.requestsPerSecond} req/s), verdict ${f.memory.verdict}${f.memory.incompleteReason ? ` (${f.memory.incompleteReason})` : ''}. RSS sampled every 250 ms inside the hookcert process (bench/rss-probe.mjs): peak ${f.memory.peakRssMb} MB; median ${f.memory.medianRssSecondFifthMb} MB over the second fifth of the run, ${f.memory.medianRssLastFifthMb} MB over the last (${f.memory.flat ? 'flat' : 'not flat'}).${f.memory.corrected ? ` Corrected: ${f.memory.corrected}.` : ''}`, '');
    out.push(`| at | ${f.memory.timeline.map((t) => `${t.atS} s`).join(' | ')} |`, `|---|${f.memory.timeline.map(() => '---:').join('|')}|`, `| RSS MB | ${f.memory.timeline.map((t) => t.rssMb).join(' | ')} |`, `| heap MB | ${f.memory.timeline.map((t) => t.heapMb).join(' | ')} |`, '');
  }
  if (f.hostile) {
    out.push(`## Hostile endpoints — ${yes(f.hostile.met)}`, '', `Target: ${f.hostile.target}. bench/hostile.mjs misbehaves the same way on every request; \`hookcert run\` with the default flags (3 s budgets, 2 s grace, --concurrency 16).`, '');
    out.push('| endpoint | wall | peak RSS | requests | verdict | why |', '|---|---:|---:|---:|---|---|');
    for (const r of f.hostile.rows) out.push(`| ${r.behaviour} | ${s(r.wallMs)} | ${r.peakRssMb} MB | ${r.requests} | ${r.verdict} | ${(r.reason ?? '').replace(/\|/g, '\\|').slice(0, 160)} |`);
    out.push('');
  }
  if (f.timing) {
    out.push(`## Timing accuracy — ${yes(f.timing.met)}`, '', `Target: ${f.timing.target}.`, '', '| delay | samples | true p50 | reported p50 | error | tolerance | MP-TIM-001 above | MP-TIM-001 below |', '|---:|---:|---:|---:|---:|---:|---|---|');
    for (const r of f.timing.rows) out.push(`| ${r.delayMs} ms | ${r.samples} | ${r.trueP50Ms} ms | ${r.reportedP50Ms} ms | ${r.errorMs} ms | ${r.toleranceMs} ms | ${r.budgetAboveMs} ms: ${r.verdictAbove} (${r.slowestAboveMs} ms) | ${r.budgetBelowMs} ms: ${r.verdictBelow} (${r.slowestBelowMs} ms) |`);
    out.push('');
  }
  if (f.demo) out.push('## On loopback (no target)', '', `\`hookcert demo\`: ${f.demo.default.requests} requests in ${s(f.demo.default.wallMs)} (peak ${f.demo.default.peakRssMb} MB); \`--quick\`: ${f.demo.quick.requests} in ${s(f.demo.quick.wallMs)}. On loopback a run is CPU-bound (two cores shared with other work): the latency figures are the ones a remote endpoint sees.`, '');
  if (f.shrink) out.push(`## Shrinking — ${yes(f.shrink.met)}`, '', `Target: ${f.shrink.target}. ${f.shrink.finished ? `Shrunk to ${f.shrink.lines} lines in ${f.shrink.shrinks} rounds; the check took ${s(f.shrink.checkMs)} and ${f.shrink.requests} requests.` : `Not finished after ${s(f.shrink.elapsedMs)}.`}`, '');
  if (f.report) out.push(`## Report — ${yes(f.report.met)}`, '', `The report of the memory run (${f.report.exchanges ?? '?'} exchanges): index.html ${f.report.bytes ? `${round(f.report.bytes / 1e6, 2)} MB` : '?'}, Chromium load ${f.report.loadMs ?? '?'} ms (median of 5 fresh pages). Target: ${f.report.target}.`, '');
  out.push('## For the README', '', README_BEGIN, readme(f, m, takenAt), README_END, '');
  return out.join('\n');
}

/** The figures of the issue's table (and the bench's own), each measured, with its target and whether it is met. */
function table(f) {
  const row = (delay, quick) => f.latency?.rows.find((r) => r.delay === delay && r.quick === quick);
  const out = ['| figure | measured | target | |', '|---|---|---|---|'];
  const again = (x) => (x?.remeasured ? ` (re-measured ${x.remeasured.at.slice(11, 16)} UTC, load average ${x.remeasured.loadAverageAtStart[0]})` : '');
  const add = (figure, measured, target, met, from) => out.push(`| ${figure} | ${measured}${again(from)} | ${target} | ${met === undefined ? 'no target' : yes(met)} |`);
  const one = (r) => (r?.oneAtATime ? `; --concurrency 1: ${s(r.oneAtATime.wallMs)}, ${r.speedup} × slower` : '');
  const d50 = row(50, false);
  const q50 = row(50, true);
  if (d50) add('default run, reference behind 50 ms', `${s(d50.wallMs)} (${d50.requests} requests, ${d50.verdict}${one(d50)})`, '≤ 60 s, and ≥ 5 × faster than --concurrency 1', d50.wallMs <= 60_000 && d50.speedup >= 5 && d50.verdict === 'conformant', f.latency);
  if (q50) add('`--quick`, reference behind 50 ms', `${s(q50.wallMs)} (${q50.requests} requests, ${q50.verdict}${one(q50)})`, '≤ 15 s', q50.wallMs <= 15_000 && q50.verdict === 'conformant', f.latency);
  for (const quick of [false, true]) {
    const r = row(150, quick);
    if (r) add(`${quick ? '`--quick`' : 'default run'}, reference behind 150 ms`, `${s(r.wallMs)} (${r.requests} requests, ${r.verdict}${one(r)})`, 'none (measured beside the 50 ms rows)', undefined, f.latency);
  }
  if (f.slow) add('slow-replies mutant, default run', `${s(f.slow.wallMs)} (MP-TIM-001 ${f.slow.timingChecks['MP-TIM-001']}, on the console after ${s(f.slow.timingFailureShownAtMs)})`, '≤ 60 s, MP-TIM-001 failing', f.slow.met, f.slow);
  if (f.memory) add(`${f.memory.requests} requests at --concurrency 64`, `peak ${f.memory.peakRssMb} MB; median ${f.memory.medianRssSecondFifthMb} MB in the second fifth, ${f.memory.medianRssLastFifthMb} MB in the last`, "peak RSS < 300 MB; last fifth's median within 10 % of the second fifth's (≥ 100,000 requests)", f.memory.met, f.memory);
  const at64 = f.engine?.rows.find((r) => r.concurrency === 64);
  if (at64) add('engine overhead at concurrency 64', `${at64.ratio} × autocannon (${at64.hookcertRps} vs ${at64.autocannonRps} requests/s)`, '≥ 0.3 × autocannon', f.engine.met, f.engine);
  if (f.startup) add('`hookcert --version`', `${f.startup.aboveMs} ms above \`node -e 0\` (${f.startup.versionMs} ms vs ${f.startup.nodeMs} ms)`, '≤ 150 ms above `node -e 0`', f.startup.met, f.startup);
  for (const r of f.hostile?.rows ?? []) add(`hostile endpoint: ${r.behaviour}`, `${r.verdict} in ${s(r.wallMs)}, peak ${r.peakRssMb ?? '?'} MB`, 'a verdict within 60 s, < 300 MB', r.met, f.hostile);
  if (f.timing) add('timing accuracy', f.timing.rows.map((r) => `${r.delayMs} ms → ${r.reportedP50Ms} ms`).join(', '), 'reported p50 within 2 ms + 1 %; MP-TIM-001 flips at the budget', f.timing.met, f.timing);
  if (f.shrink) add('shrinking', f.shrink.finished ? `${f.shrink.lines} lines in ${f.shrink.shrinks} rounds (${s(f.shrink.checkMs)})` : `not finished after ${s(f.shrink.elapsedMs)}`, 'exactly 21 lines', f.shrink.met, f.shrink);
  if (f.report) add('report of the memory run', `${f.report.bytes ? `${round(f.report.bytes / 1e6, 2)} MB` : '?'}, loads in ${f.report.loadMs ?? '?'} ms`, 'under 5 MB, loads under 2 s', f.report.met, f.report);
  return out;
}

/** The README's performance section: the table, and where and when it was measured. */
export function readme(f, m, takenAt) {
  const lines = [`On a ${m.cores}-core ${m.cpu} shared with other work (load average ${m.loadAverageAtStart[0]} at the start, ${m.loadAverageAtEnd?.[0] ?? '?'} at the end), Node ${m.node}, ${takenAt.slice(0, 10)}; from \`npm run bench\` (bench/results.json, bench/RESULTS.md):`, '', ...table(f)];
  return lines.join('\n');
}
