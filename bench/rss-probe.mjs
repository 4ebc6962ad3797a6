// Loaded into a hookcert process with `node --import ./bench/rss-probe.mjs`: samples the process's own resident
// set size every 250 ms and appends `<ms since start> <rss> <heapUsed> <heapTotal> <external>` lines (bytes) to the file named by
// HOOKCERT_BENCH_RSS_FILE (the memory figure's "RSS over time").
import { appendFileSync, writeFileSync } from 'node:fs';

const file = process.env.HOOKCERT_BENCH_RSS_FILE;
// bin/hookcert.js starts a run in a child with a heap limit (and this probe, from its execArgv): the launcher,
// which only waits, is not sampled.
const launcher = /bin[\\/]hookcert\.js$/.test(process.argv[1] ?? '') && ['run', 'demo'].includes(process.argv[2]) && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'));
if (file && !launcher) {
  const t0 = performance.now();
  writeFileSync(file, '');
  const sample = () => {
    const m = process.memoryUsage();
    appendFileSync(file, `${Math.round(performance.now() - t0)} ${m.rss} ${m.heapUsed} ${m.heapTotal} ${m.external}\n`);
  };
  setInterval(sample, 250).unref();
  process.on('exit', sample);
}
