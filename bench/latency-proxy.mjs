#!/usr/bin/env node
// A loopback proxy that adds latency to every reply, as an endpoint on the internet has: it forwards each
// request to the target (keep-alive), holds the reply for the delay, then passes it back unchanged (status,
// headers, bytes). Run as its own process; prints one line `{"url": …}` once listening on 127.0.0.1.
//   node bench/latency-proxy.mjs <target base URL> <delay ms>
import { Agent, createServer, request } from 'node:http';

const [target, delayArg] = process.argv.slice(2);
const delay = Number(delayArg);
const upstream = new URL(target);
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const path = upstream.pathname.replace(/\/$/, '') + req.url.replace(/^\/proxy/, '');
    const headers = { ...req.headers, host: upstream.host };
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers, agent }, (up) => {
      const parts = [];
      up.on('data', (c) => parts.push(c));
      up.on('end', () =>
        setTimeout(() => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.end(Buffer.concat(parts));
        }, delay),
      );
    });
    out.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    out.end(body);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/proxy`, pid: process.pid })}\n`));
