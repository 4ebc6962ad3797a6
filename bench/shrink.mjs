#!/usr/bin/env node
// The shrinking figure: a failure planted at 21 lines (bench/receiver.mjs lines20 answers 500 to a session of
// more than 20 lines), found by a property check over sessions of 0–400 lines ({ lines: { min: 0, max: 400 } }),
// run through the real runner (run(): probe, check, fast-check shrinking). Prints one JSON line:
// { status, lines, shrinks, checkMs, requests, finished }. Usage: node bench/shrink.mjs <url> [seed] [limitMs]
// After limitMs (default 120 s) the run is stopped (finished: false) and the requests made so far are reported.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const load = (path) => import(pathToFileURL(join(root, path)).href);
const [{ resolveRun }, { catalogues, profile }, { run }, { mplusCheck, SPEC }, { expectRobustOver }] = await Promise.all([
  load('src/config/load.js'),
  load('src/profiles.js'),
  load('src/runner/run.js'),
  load('suites/mplus/check.js'),
  load('src/pos/judge-reply.js'),
]);

const [url, seed = '1', limit = '120000'] = process.argv.slice(2);
const bench = mplusCheck({
  id: 'MP-ROB-900',
  title: 'MUST answer sessions of 0–400 lines without a 5xx (benchmark check)',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.reference, quote: 'session.lines | array | The session’s lines.' },
  async run(t) {
    pos = t;
    const events = ['addSessionLine'];
    await expectRobustOver(t, events, (e) => t.requests(e, { lines: { min: 0, max: 400 } }), t.options.runs, 'a session of 0–400 lines');
  },
});
const { sub, options } = resolveRun({ url, subscriptionId: 'hookcert-bench', seed, runs: '100', events: 'addSessionLine', concurrency: '1', noDefaultConfig: true }, catalogues, process.env);
const stop = new AbortController();
const t0 = performance.now();
let pos; // the check's context, for the request count if the limit is reached
const timer = setTimeout(() => {
  stop.abort();
  // fast-check keeps shrinking a check left behind: report and end the process.
  console.log(JSON.stringify({ status: 'unfinished', finished: false, elapsedMs: Math.round(performance.now() - t0), requests: pos?.deps.recorder.requests }));
  process.exit(0);
}, Number(limit));
const results = await run({ driver: profile('mplus').driver, sub, options, replayBase: ['bench'], checks: [bench], signal: stop.signal });
clearTimeout(timer);
const elapsedMs = Math.round(performance.now() - t0);
const c = results.checks[0];
if (!c) {
  console.log(JSON.stringify({ status: 'unfinished', finished: false, elapsedMs, requests: results.stats.requests }));
  process.exit(0);
}
// The shrunk counterexample is the failure's last exchange: the session it sent.
const shrunk = c.failure?.exchanges?.at(-1);
const lines = shrunk ? JSON.parse(shrunk.request.body).session?.lines?.length ?? 0 : undefined;
console.log(JSON.stringify({ finished: true, elapsedMs, status: c.status, reason: c.reason, lines, shrinks: c.failure?.shrinks, checkMs: c.durationMs, requests: results.stats.requests, message: c.failure?.message }));
