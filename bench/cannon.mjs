#!/usr/bin/env node
// autocannon, the reference load generator, against the same receiver: its programmatic API, POSTing a fixed
// request body of the mean size hookcert's engine sent (bench/cannon-body.mjs; no generation, no signing, no
// judging). Runs in its own process; prints one JSON line.
// Usage: node bench/cannon.mjs <url> <connections> <durationMs> [<bodyBytes>]
import autocannon from 'autocannon';
import { bodyOfSize } from './cannon-body.mjs';

const [url, connections, durationMs, bodyBytes] = process.argv.slice(2);
const body = bodyOfSize(Number(bodyBytes ?? 0));
const run = (duration) =>
  autocannon({ url: `${url}/addSessionLine`, connections: Number(connections), duration, method: 'POST', body, headers: { 'content-type': 'application/json' } });
await run(1); // warm-up
const cpu0 = process.cpuUsage();
const result = await run(Number(durationMs) / 1000);
const cpu = process.cpuUsage(cpu0);
const requests = result.requests.total;
console.log(JSON.stringify({ connections: Number(connections), bodyBytes: body.length, requests, rps: Math.round(result.requests.average), cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, requests)).toFixed(3)), non2xx: result.non2xx, errors: result.errors, p50Ms: result.latency.p50 }));
