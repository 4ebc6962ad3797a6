#!/usr/bin/env node
// autocannon, the reference load generator, against the same receiver: its programmatic API, POSTing a fixed
// request body of the size hookcert sends (no generation, no signing, no judging). Runs in its own process;
// prints one JSON line. Usage: node bench/cannon.mjs <url> <connections> <durationMs>
import autocannon from 'autocannon';

const [url, connections, durationMs] = process.argv.slice(2);
const body = JSON.stringify({ event: { eventBlocking: true, eventCounter: 1, eventTimestamp: '2026-01-05T09:00:01.337+01:00' }, sender: { branchNumber: 1, workplaceNumber: 1, instanceId: '8f0f2b8e-6a0b-4c1e-9a3e-0d6c1f1e2a3b', paymentStarted: false, productName: 'MplusQ' }, session: { sessionId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', lines: [] } });
const run = (duration) =>
  autocannon({ url: `${url}/addSessionLine`, connections: Number(connections), duration, method: 'POST', body, headers: { 'content-type': 'application/json' } });
await run(1); // warm-up
const result = await run(Number(durationMs) / 1000);
console.log(JSON.stringify({ connections: Number(connections), requests: result.requests.total, rps: Math.round(result.requests.average), non2xx: result.non2xx, errors: result.errors, p50Ms: result.latency.p50 }));
