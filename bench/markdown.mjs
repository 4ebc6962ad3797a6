// bench/RESULTS.md from bench/results.json: every figure with its target and whether it is met.
import { round, seconds } from './lib.mjs';

const yes = (x) => (x ? '**met**' : '**not met**');
const s = (ms) => (ms === undefined ? '?' : `${seconds(ms)} s`);

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
  const summary = Object.entries(f).map(([name, x]) => `| ${name} | ${x.target} | ${yes(x.met)} |`);
  out.push('| figure | target | |', '|---|---|---|', ...summary, '');
  if (f.latency) {
    out.push(`## A certification behind latency — ${yes(f.latency.met)}`, '', `Target: ${f.latency.target}. The reference receiver behind a loopback proxy that holds every reply for the added latency (bench/latency-proxy.mjs), \`hookcert run\` with the defaults (--concurrency 16) and with \`--concurrency 1\` (one check, one request at a time: the former behaviour). The --concurrency 1 runs wait on the network nearly all the time: they ran beside the other figures, each against its own receiver and proxy. Runs behind 50 ms: median of 3.`, '');
    out.push('| added latency | run | requests | wall, --concurrency 16 | wall, --concurrency 1 | faster | peak RSS | verdict |', '|---:|---|---:|---:|---:|---:|---:|---|');
    for (const r of f.latency.rows) out.push(`| ${r.delay} ms | ${r.quick ? '`--quick`' : 'default'} | ${r.requests} | ${s(r.wallMs)} | ${s(r.oneAtATime?.wallMs)} | ${r.speedup ?? '?'} × | ${r.peakRssMb} MB | ${r.verdict} |`);
    out.push('');
  }
  if (f.slow) {
    out.push(`## The slow-replies mutant — ${yes(f.slow.met)}`, '', `Target: ${f.slow.target}. \`hookcert demo --mutant slow-replies\`: startSession answered 300 ms after its 3 s budget, every other event in time. ${f.slow.requests} requests in ${s(f.slow.wallMs)}, peak ${f.slow.peakRssMb} MB, verdict ${f.slow.verdict}; MP-TIM-001 ${f.slow.timingChecks['MP-TIM-001']}, MP-TIM-002 ${f.slow.timingChecks['MP-TIM-002']}, its failure on the console after ${s(f.slow.timingFailureShownAtMs)}. Checks: ${Object.entries(f.slow.statusCounts ?? {}).map(([k, v]) => `${v} ${k}`).join(', ')} (the cases of startSession past the proof are not sent: each check waited on it at most twice, and says how many cases it could not judge).`, '');
  }
  if (f.startup) out.push(`## Start-up — ${yes(f.startup.met)}`, '', `Target: ${f.startup.target}. \`node -e 0\` ${f.startup.nodeMs} ms, \`hookcert --version\` ${f.startup.versionMs} ms (${f.startup.aboveMs} ms above), \`hookcert --help\` ${f.startup.helpMs} ms, \`hookcert list\` ${f.startup.listMs} ms (it reads the checks; no schema is compiled).`, '');
  if (f.engine) {
    out.push(`## Engine overhead — ${yes(f.engine.met)}`, '', `Target: ${f.engine.target}. bench/engine.mjs drives the real engine: N workers, each a check context (MplusContext) delivering requests generated ahead of sending (as a check's cases are): stamping, serialising, HMAC signing, the HttpClient (undici's dispatcher), timing, reply judging (signature, JSON, ajv) and the Recorder; autocannon (a fixed body) against the same trivial receiver, alternating with it.`, '');
    out.push('| concurrency | hookcert req/s | CPU ms/request | autocannon req/s | ratio (median) | ratios of the rounds |', '|---:|---:|---:|---:|---:|---|');
    for (const r of f.engine.rows) out.push(`| ${r.concurrency} | ${r.hookcertRps} | ${r.hookcertCpuMsPerRequest} | ${r.autocannonRps} | ${r.ratio} | ${r.ratios.join(', ')} |`);
    out.push('');
  }
  if (f.memory) {
    out.push(`## Memory — ${yes(f.memory.met)}`, '', `Target: ${f.memory.target}. \`hookcert run --runs ${f.memory.runs} --concurrency 64\` against the reference receiver in another process: ${f.memory.requests} requests in ${s(f.memory.wallMs)} (${f.memory.requestsPerSecond} req/s), verdict ${f.memory.verdict}. RSS sampled every 250 ms inside the hookcert process (bench/rss-probe.mjs): peak ${f.memory.peakRssMb} MB; median ${f.memory.medianRssSecondFifthMb} MB over the second fifth of the run, ${f.memory.medianRssLastFifthMb} MB over the last (${f.memory.flat ? 'flat' : 'not flat'}).`, '');
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
  out.push('## For the README', '', readme(f, m, takenAt), '');
  return out.join('\n');
}

function readme(f, m, takenAt) {
  const row = (delay, quick) => f.latency?.rows.find((r) => r.delay === delay && r.quick === quick);
  const d50 = row(50, false);
  const q50 = row(50, true);
  const d150 = row(150, false);
  const at64 = f.engine?.rows.find((r) => r.concurrency === 64);
  const parts = [`On a ${m.cores}-core ${m.cpu} shared with other work (Node ${m.node}, ${takenAt.slice(0, 10)}; \`npm run bench\`, bench/RESULTS.md):`];
  if (d50) parts.push(`behind 50 ms of added latency a default run certifies the reference receiver in ${s(d50.wallMs)} (${d50.requests} requests; ${s(d50.oneAtATime?.wallMs)} one at a time, ${d50.speedup} × slower), \`--quick\` in ${s(q50.wallMs)}; behind 150 ms, ${s(d150.wallMs)} (${s(d150.oneAtATime?.wallMs)} one at a time).`);
  if (f.slow) parts.push(`A receiver whose startSession is 300 ms over budget is judged in ${s(f.slow.wallMs)}, its timing failure on the console after ${s(f.slow.timingFailureShownAtMs)}.`);
  if (f.startup) parts.push(`\`hookcert --version\` takes ${f.startup.versionMs} ms (\`node -e 0\`: ${f.startup.nodeMs} ms).`);
  if (at64) parts.push(`The engine sends ${at64.hookcertRps} requests/s at concurrency 64 against a trivial loopback receiver (${at64.hookcertCpuMsPerRequest} ms of CPU each), ${at64.ratio} of autocannon's ${at64.autocannonRps}.`);
  if (f.memory) parts.push(`A ${f.memory.requests}-request run at \`--concurrency 64\` peaks at ${f.memory.peakRssMb} MB RSS (${f.memory.medianRssSecondFifthMb} MB in its second fifth, ${f.memory.medianRssLastFifthMb} MB in its last).`);
  if (f.hostile) parts.push(`Endpoints that never send the body, trickle it, reset mid-body, nest 100,000 deep or send 1 GiB each get a verdict in at most ${s(Math.max(...f.hostile.rows.map((r) => r.wallMs)))}, in at most ${Math.max(...f.hostile.rows.map((r) => r.peakRssMb ?? 0))} MB.`);
  return parts.join(' ');
}
