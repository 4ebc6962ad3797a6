#!/usr/bin/env node
// hookcert's engine, measured: the real simulator (MplusContext: generation from the schemas with fast-check,
// identity stamping, serialising, HMAC signing), the real HTTP client (undici, timings, size cap, exchange
// records), the real judging (reply parsing, signature check, ajv validation) and the real Recorder — no mock.
// Runs in its own process; prints one JSON line.
//   node bench/engine.mjs throughput <url> <concurrency> <durationMs>
//       N workers (each its own check context, seed and workplace) deliver generated requests in a loop, cycling
//       through every event, for durationMs after a warm-up; → { requests, rps, … }. The requests are generated
//       ahead of sending, as a check's cases are (POOL per worker, made during the warm-up); each delivery
//       stamps its own identity, serialises, signs, sends, times, judges and records, as in a run.
//   node bench/engine.mjs latency <url> <event> <samples>
//       sends <samples> requests for <event> one after another; → { latencies: [ms…] } as hookcert reports them
// The secret comes from HOOKCERT_SECRET.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const [{ resolveRun }, { catalogues, profile }, { HttpClient }, { Recorder }, { registry }, { deriveSeed }] = await Promise.all([
  load('config/load.js'),
  load('profiles.js'),
  load('http/client.js'),
  load('runner/recorder.js'),
  load('schema/registry.js'),
  load('runner/seed.js'),
]);

const [what, url, arg3, arg4] = process.argv.slice(2);
const { sub, options } = resolveRun({ url, subscriptionId: 'hookcert-bench', seed: '1', noDefaultConfig: true }, catalogues, process.env);
const driver = profile('mplus').driver;
const schemas = registry();
const recorder = new Recorder();
const client = new HttpClient({ connections: 256, connectTimeoutMs: 5000, maxBodyBytes: options.maxBodyBytes });
const context = (i) => driver.context(sub, options, deriveSeed(options.seed, `bench:${i}`), { client, recorder, schemas, source: `bench:${i}` });
/** Requests generated ahead per worker, cycled through while measuring. */
const POOL = 96;

if (what === 'throughput') {
  const concurrency = Number(arg3);
  const durationMs = Number(arg4);
  const events = sub.events.map((e) => e.name);
  let counting = false;
  let stop = false;
  let requests = 0;
  let failures = 0;
  // Every worker's requests are generated before anything is sent (a check generates its cases before it sends
  // them): the figure is the sending engine's, not fast-check's (generation is measured in a run's wall time).
  const pools = Array.from({ length: concurrency }, (_, w) => {
    const t = context(w);
    return { t, pool: Array.from({ length: POOL }, (_, i) => ({ event: events[(w + i) % events.length], request: t.request(events[(w + i) % events.length]) })) };
  });
  // What a delivery sends, on average (the load generators beside it send a body of this size).
  const meanBodyBytes = Math.round(pools.flatMap((p) => p.pool.map((x) => JSON.stringify(x.request).length)).reduce((a, b) => a + b, 0) / (concurrency * POOL));
  const worker = async (w) => {
    const { t, pool } = pools[w];
    for (let i = 0; !stop; i++) {
      const { event, request } = pool[i % POOL];
      const d = await t.deliver(event, request);
      if (!counting) continue;
      requests++;
      if (d.reply.missing || d.reply.status !== 200 || d.reply.schemaIssues.length > 0) failures++;
    }
  };
  const workers = Array.from({ length: concurrency }, (_, w) => worker(w));
  // Warm-up: validators compiled, connections open, JIT warm.
  await new Promise((r) => setTimeout(r, Math.min(3000, durationMs / 2)));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  counting = true;
  await new Promise((r) => setTimeout(r, durationMs));
  counting = false;
  const elapsed = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  stop = true;
  await Promise.all(workers);
  await client.close();
  console.log(JSON.stringify({ concurrency, meanBodyBytes, requests, failures, elapsedMs: Math.round(elapsed), rps: Math.round((requests * 1000) / elapsed), cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, requests)).toFixed(3)) }));
} else if (what === 'latency') {
  const event = arg3;
  const samples = Number(arg4);
  const t = context(0);
  await t.send(event); // a warm connection, as in a run
  const latencies = [];
  for (let i = 0; i < samples; i++) {
    const d = await t.send(event);
    if (!d.reply.missing) latencies.push(d.exchange.timing.totalMs);
  }
  await client.close();
  console.log(JSON.stringify({ event, latencies }));
} else {
  console.error('usage: node bench/engine.mjs throughput <url> <concurrency> <durationMs> | latency <url> <event> <samples>');
  process.exit(2);
}
