#!/usr/bin/env node
// Hostile endpoints for the benchmark (the full zoo, with every case's assertions, is test/hostile/zoo.ts): a
// raw TCP server on 127.0.0.1 that reads each HTTP request and misbehaves as its path says, on every request.
// Runs as its own process; prints one line `{"url": …}` (the base URL; a behaviour is `<url>/<name>`).
//   headers-no-body   200 and a Content-Length, then never a byte of the body
//   trickle           200, then the body one byte a second
//   reset-mid-body    200, part of the body, then a TCP reset
//   deep-nesting      a signed JSON reply nested 100,000 deep
//   gigabyte          a 1 GiB reply (declared and sent)
// The secret (for the signed replies) comes from HOOKCERT_SECRET (base64).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';

const CRLF = '\r\n';
const key = Buffer.from(process.env.HOOKCERT_SECRET ?? '', 'base64');
const signed = (body) => createHmac('sha256', key).update(body).digest('base64');
const deep = Buffer.from(`{"message":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
const GIB = 1024 ** 3;

const BEHAVIOURS = {
  'headers-no-body': (s) => s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: 100${CRLF}${CRLF}`),
  trickle: (s) => {
    const body = '{"message":[{"message":"ok"}]}';
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: ${body.length}${CRLF}${CRLF}`);
    let i = 0;
    const timer = setInterval(() => (s.destroyed || i >= body.length ? clearInterval(timer) : s.write(body[i++])), 1000);
    s.once('close', () => clearInterval(timer));
  },
  'reset-mid-body': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: 100${CRLF}${CRLF}{"message":`);
    setTimeout(() => s.resetAndDestroy(), 10);
  },
  'deep-nesting': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}x-mplus-signature: ${signed(deep)}${CRLF}content-length: ${deep.length}${CRLF}${CRLF}`);
    s.write(deep);
  },
  gigabyte: (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: ${GIB}${CRLF}${CRLF}`);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (!s.destroyed && sent < GIB) {
        sent += chunk.length;
        if (!s.write(chunk)) return void s.once('drain', pump);
      }
    };
    pump();
  },
};
/** Behaviours after which the connection can carry the next request. */
const KEEPS_ALIVE = new Set(['deep-nesting']);

const server = createServer((socket) => {
  socket.on('error', () => undefined);
  let buf = Buffer.alloc(0);
  let busy = false;
  socket.on('data', (data) => {
    if (busy) return;
    buf = Buffer.concat([buf, data]);
    for (;;) {
      const end = buf.indexOf(`${CRLF}${CRLF}`);
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1');
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buf.length < end + 4 + length) return;
      buf = buf.subarray(end + 4 + length);
      const name = head.split(' ')[1]?.split('/')[1] ?? '';
      const behaviour = BEHAVIOURS[name];
      if (!behaviour) return void socket.end(`HTTP/1.1 404 Not Found${CRLF}content-length: 0${CRLF}${CRLF}`);
      busy = !KEEPS_ALIVE.has(name);
      behaviour(socket);
      if (busy) return;
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}`, pid: process.pid })}\n`));
