#!/usr/bin/env node
// The benchmark's receivers, each run as its own process (child_process) so that it never shares an event loop
// with what measures it. Prints one line `{"url": …}` on stdout once listening on 127.0.0.1, then serves until
// killed.
//   node bench/receiver.mjs trivial            minimal node:http server: every POST answers 200 `{}` (signed once,
//                                              up front, so the reply costs nothing per request)
//   node bench/receiver.mjs delay              like trivial, but holds each reply for the milliseconds named in the
//                                              path (`/delay/500/<event>`); GET /stats gives the delays it really
//                                              held (request end → reply end, hrtime), GET /reset clears them
//   node bench/receiver.mjs lines20            the reference receiver, broken in one planted way: a request whose
//                                              session has more than 20 lines gets a 500 (for the shrinking figure)
//   node bench/receiver.mjs reference          the reference receiver (hookcert serve, in-process)
// The secret comes from HOOKCERT_SECRET (base64), the subscription id from HOOKCERT_BENCH_SUB.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const mode = process.argv[2] ?? 'trivial';
const secret = process.env.HOOKCERT_SECRET ?? '';
const subscriptionId = process.env.HOOKCERT_BENCH_SUB ?? 'hookcert-bench';

function say(url) {
  process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);
}

async function plain() {
  const { signMplus } = await load('protocol/signature.js');
  const body = Buffer.from('{}');
  const headers = { 'content-type': 'application/json', 'content-length': String(body.length), 'x-mplus-signature': signMplus(body, secret, 'base64') };
  const held = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      if (req.url === '/reset') held.length = 0;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ held }));
    }
    const delay = mode === 'delay' ? Number(/\/delay\/(\d+)\//.exec(req.url ?? '')?.[1] ?? 0) : 0;
    req.on('data', () => {});
    req.on('end', () => {
      if (delay === 0) {
        res.writeHead(200, headers);
        return res.end(body);
      }
      const start = process.hrtime.bigint();
      setTimeout(() => {
        res.writeHead(200, headers);
        res.end(body, () => held.push(Number(process.hrtime.bigint() - start) / 1e6));
      }, delay);
    });
  });
  server.keepAliveTimeout = 10_000;
  server.listen(0, '127.0.0.1', () => say(`http://127.0.0.1:${server.address().port}/webhooks`));
}

async function reference(broken) {
  const { serveHandlers } = await load('reference/server.js');
  const { mplusMutant, mplusReference } = await load('reference/mplus/mutant.js');
  const setup = { secret, secretEncoding: 'base64', subscriptionIds: [subscriptionId] };
  const handlers = broken
    ? mplusMutant({
        name: 'bench-fails-over-20-lines',
        description: 'answers 500 to a session of more than 20 lines (a failure planted for the shrinking figure)',
        checks: [],
        break: (ref) => ({
          ...ref,
          async reply(event, body, state) {
            if ((body?.session?.lines?.length ?? 0) > 20) return { status: 500 };
            return ref.reply(event, body, state);
          },
        }),
      }).handlers(setup)
    : mplusReference(setup);
  const served = await serveHandlers(handlers);
  say(served.url);
}

if (mode === 'trivial' || mode === 'delay') await plain();
else if (mode === 'lines20') await reference(true);
else if (mode === 'reference') await reference(false);
else {
  console.error(`bench/receiver.mjs: unknown mode ${mode}`);
  process.exit(2);
}
