// The figures of bench/run.mjs measured against receivers on loopback without added latency: timing accuracy,
// shrinking, and memory over a 100,000-request run.
import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { here, hookcert, log, median, node, reference, round, scratch, server, SUB } from './lib.mjs';

/** GETs a JSON document on a fresh connection (no keep-alive socket left to go stale between requests). */
function getJson(url) {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve(JSON.parse(text)));
    }).on('error', reject);
  });
}

/** Reported latency vs the delay the receiver really held; MP-TIM-001 passes just above the budget and fails just below. */
export async function timingFigure() {
  const recv = await server('receiver.mjs', ['delay']);
  const rows = [];
  try {
    for (const [delay, samples] of [[50, 20], [500, 8], [1500, 4]]) {
      log(`timing: ${delay} ms …`);
      await getJson(new URL('/reset', recv.url));
      const h = node([join(here, 'engine.mjs'), 'latency', `${recv.url}/delay/${delay}`, 'startSession', String(samples)]).json;
      const held = (await getJson(new URL('/stats', recv.url))).held;
      const trueP50 = median(held.slice(1)); // the first held delay belongs to the warm-up request
      const reportedP50 = median(h.latencies);
      const tolerance = 2 + trueP50 / 100;
      const verdict = async (budget) => {
        const r = await hookcert(['run', '--url', `${recv.url}/delay/${delay}`, '--subscription-id', SUB, '--events', 'startSession', '--check', 'MP-TIM-001', '--budget', String(budget), '--grace', '3000', '--seed', '1']);
        const c = r.results?.checks.find((x) => x.id === 'MP-TIM-001');
        const slowest = Math.max(0, ...(c?.exchanges ?? []).map((e) => e.timing.totalMs));
        // One reply just over the budget, the next in time, is forgiven with a note (src/runner/tries.ts).
        const forgiven = /one reply measured \d+ ms against its \d+ ms budget/.test(c?.reason ?? '');
        return { status: c?.status ?? `exit ${r.code}`, slowestMs: round(slowest, 2), consistent: (c?.status === 'pass') === (slowest <= budget || forgiven) };
      };
      const budgetAbove = Math.ceil(trueP50 + tolerance);
      const budgetBelow = Math.floor(trueP50 - tolerance);
      const above = await verdict(budgetAbove);
      const below = await verdict(budgetBelow);
      rows.push({ delayMs: delay, samples, trueP50Ms: round(trueP50, 2), reportedP50Ms: round(reportedP50, 2), errorMs: round(reportedP50 - trueP50, 2), toleranceMs: round(tolerance, 2), budgetAboveMs: budgetAbove, verdictAbove: above.status, slowestAboveMs: above.slowestMs, budgetBelowMs: budgetBelow, verdictBelow: below.status, slowestBelowMs: below.slowestMs, consistent: above.consistent && below.consistent, met: Math.abs(reportedP50 - trueP50) <= tolerance && above.status === 'pass' && below.status === 'fail' });
    }
  } finally {
    recv.stop();
  }
  return { target: 'reported p50 within 2 ms + 1 % of the true delay; MP-TIM-001 passes with the budget just above the true delay (+ that tolerance) and fails just below (− it)', met: rows.every((r) => r.met), rows };
}

/** ≥ 100,000 requests at --concurrency 64 against the reference in another process; RSS sampled inside the run. */
export async function memoryFigure(demo) {
  // Requests grow linearly with --runs: aim past 100,000 from the two loopback demo runs.
  const perRun = demo ? (demo.default.requests - demo.quick.requests) / (demo.default.runs - demo.quick.runs) : 230;
  // 15 % over the estimate: a run at --concurrency 64 sends fewer requests per run than the demo runs it is estimated from.
  const runs = demo ? Math.ceil(((100_000 - demo.quick.requests) / perRun + demo.quick.runs) * 1.15) : 500;
  const recv = await reference();
  const dir = join(scratch, 'memory');
  const rssFile = join(scratch, 'rss.txt');
  log(`memory: hookcert run --runs ${runs} --concurrency 64 (≈ 100,000 requests) …`);
  let r;
  try {
    // --grace 15000: on a loaded machine the reference (its own process, 64 requests at once) can stall past the
    // budget + 2 s grace for a dozen replies in a row, and the run then ends incomplete as an endpoint that stopped
    // answering (72,485 of 100,000 replies on 2026-12-03, load average 20): this figure is hookcert's memory.
    r = await hookcert(['run', '--url', recv.url, '--subscription-id', SUB, '--runs', String(runs), '--concurrency', '64', '--grace', '15000', '--seed', '1', '--report-dir', dir], { nodeArgs: ['--import', join(here, 'rss-probe.mjs')], env: { HOOKCERT_BENCH_RSS_FILE: rssFile } });
  } finally {
    recv.stop();
  }
  const samples = readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
  const mb = (b) => Math.round(b / 2 ** 20);
  const rss = samples.map((s) => s[1]);
  const peak = rss.reduce((m, v) => (v > m ? v : m), 0);
  // Flat: the last fifth of the run holds no more than the second fifth, within 10 % (the GC's rhythm).
  const fifth = (k) => rss.slice(Math.floor(((k - 1) * rss.length) / 5), Math.floor((k * rss.length) / 5));
  const early = median(fifth(2));
  const late = median(fifth(5));
  const flat = Math.abs(late - early) <= early * 0.1;
  const timeline = Array.from({ length: 10 }, (_, k) => samples[Math.min(samples.length - 1, Math.floor(((k + 1) * samples.length) / 10) - 1)]).map((s) => ({ atS: round(s[0] / 1000), rssMb: mb(s[1]), heapMb: mb(s[2]) }));
  const requests = r.results?.stats.requests ?? 0;
  return {
    target: "100,000 requests at --concurrency 64: peak RSS under 300 MB; the last fifth's median RSS within 10 % of the second fifth's",
    met: mb(peak) < 300 && flat && requests >= 100_000,
    runs,
    requests,
    verdict: r.results?.verdict,
    ...(r.results?.incompleteReason ? { incompleteReason: r.results.incompleteReason } : {}),
    wallMs: r.wallMs,
    requestsPerSecond: r.results ? Math.round((requests * 1000) / r.results.durationMs) : undefined,
    peakRssMb: mb(peak),
    medianRssSecondFifthMb: mb(early),
    medianRssLastFifthMb: mb(late),
    flat,
    timeline,
    reportDir: dir,
  };
}

/** A failure planted at 21 lines, shrunk by a property over sessions of 0–400 lines. */
export async function shrinkFigure() {
  const recv = await server('receiver.mjs', ['lines20']);
  log('shrinking: a failure planted at 21 lines, sessions of 0–400 lines …');
  let s;
  try {
    s = node([join(here, 'shrink.mjs'), recv.url, '1', '60000']).json ?? { finished: false, elapsedMs: 60000 };
  } finally {
    recv.stop();
  }
  return { target: 'shrunk to exactly 21 lines (no time target is set; the time and rounds are the figure)', met: s.finished && s.lines === 21, ...s };
}
