#!/usr/bin/env node
// The floor under hookcert's engine: undici's dispatcher alone, with hookcert's own response handler
// (src/http/dispatch.ts) and the Agent settings of its HttpClient, POSTing autocannon's fixed body (bench/cannon-body.mjs) (no
// generation, no stamping, no signing, no judging, no record). Runs in its own process; prints one JSON line.
// Usage: node bench/undici.mjs <url> <connections> <durationMs> [<bodyBytes>]
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Agent } from 'undici';
import { bodyOfSize } from './cannon-body.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const { dispatchPost } = await import(pathToFileURL(join(dist, 'http', 'dispatch.js')).href);
const [url, connections, durationMs, bodyBytes] = process.argv.slice(2);
const { origin, pathname } = new URL(url);
const agent = new Agent({ connections: 256, pipelining: 1, keepAliveTimeout: 4000 });
const bytes = Buffer.from(bodyOfSize(Number(bodyBytes ?? 0)));
const post = { origin, path: `${pathname}/addSessionLine`, headers: { 'content-type': 'application/json' }, body: bytes, timeoutMs: 5000, limit: 1 << 20, declaredLimit: () => 16 * 1024 };
let stop = false;
let counting = false;
let requests = 0;
const worker = async () => {
  while (!stop) {
    await dispatchPost(agent, post).done;
    if (counting) requests++;
  }
};
const workers = Array.from({ length: Number(connections) }, worker);
await new Promise((r) => setTimeout(r, 1000)); // warm-up, as autocannon's
const cpu0 = process.cpuUsage();
const t0 = performance.now();
counting = true;
await new Promise((r) => setTimeout(r, Number(durationMs)));
counting = false;
const elapsed = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
stop = true;
await Promise.all(workers);
await agent.close();
console.log(JSON.stringify({ connections: Number(connections), bodyBytes: bytes.length, requests, rps: Math.round((requests * 1000) / elapsed), cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, requests)).toFixed(3)) }));
