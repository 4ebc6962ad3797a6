import { randomBytes } from 'node:crypto';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { signMplus } from '../../src/protocol/signature.js';

/**
 * The hostile-endpoint zoo: a raw TCP (or TLS) server on 127.0.0.1 that reads each HTTP request and then
 * misbehaves in the way its path names (`/<behaviour>/<event>`), byte by byte, as no HTTP framework would let
 * an endpoint misbehave. Every case is a real socket conversation; nothing is mocked.
 */

/** The secret the zoo signs its JSON replies with (base64, as MplusKASSA's). */
export const ZOO_SECRET = randomBytes(32).toString('base64');

/** One request the zoo read. */
export interface ZooRequest {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** How many requests this behaviour has been sent so far, this one included. */
  n: number;
}

/** What a behaviour does with a request: writes (or does not write) to the socket. */
export type Behaviour = (socket: Socket, req: ZooRequest, zoo: Zoo) => void;

/** A running zoo. */
export interface Zoo {
  /** The base URL of a behaviour (hookcert appends the event name). */
  url(behaviour: string): string;
  port: number;
  /** Requests each behaviour was sent. */
  counts: Map<string, number>;
  /** Stops listening and drops every connection (the endpoint went away). */
  shutdown(): void;
  close(): Promise<void>;
}

const CRLF = '\r\n';

/** A well-formed HTTP/1.1 reply with a Content-Length. */
export function reply(socket: Socket, status: number, headers: Record<string, string>, body: Buffer | string = ''): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const head = [`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Status'}`, ...Object.entries({ ...headers, 'content-length': String(bytes.length) }).map(([k, v]) => `${k}: ${v}`)];
  socket.write(head.join(CRLF) + CRLF + CRLF);
  socket.write(bytes);
}

/** A JSON reply signed over its exact bytes, as a correct receiver sends it. */
export function signedJson(socket: Socket, body: Buffer | string, extra: Record<string, string> = {}): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  reply(socket, 200, { 'content-type': 'application/json', 'x-mplus-signature': signMplus(bytes, ZOO_SECRET), ...extra }, bytes);
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 307: 'Temporary Redirect', 308: 'Permanent Redirect' };

/**
 * Writes `chunk` again and again, respecting backpressure (the zoo never holds a gigabyte either), until the
 * socket closes or `total` bytes went; then `then`.
 */
export function stream(socket: Socket, chunk: Buffer, total = Infinity, frame: (c: Buffer) => Buffer | string = (c) => c, then?: () => void): void {
  let sent = 0;
  const pump = () => {
    while (!socket.destroyed && sent < total) {
      const piece = sent + chunk.length > total ? chunk.subarray(0, total - sent) : chunk;
      sent += piece.length;
      if (!socket.write(frame(piece))) return void socket.once('drain', pump);
    }
    if (!socket.destroyed) then?.();
  };
  pump();
}

/** Writes one byte every `everyMs` until the socket closes. */
export function trickle(socket: Socket, bytes: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= bytes.length) return clearInterval(timer);
    socket.write(bytes[i++]);
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

/** Starts a zoo of `behaviours` on 127.0.0.1 (over TLS when `tls` is given). */
export async function startZoo(behaviours: Record<string, Behaviour>, tls?: { key: string; cert: string }): Promise<Zoo> {
  const sockets = new Set<Socket>();
  const counts = new Map<string, number>();
  const onSocket = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    let busy = false;
    socket.on('data', (data: Buffer) => {
      buf = Buffer.concat([buf, data]);
      if (busy) return;
      // Not HTTP (a TLS ClientHello, say): answer as HTTP servers do.
      if (buf.length > 0 && (buf[0] < 0x41 || buf[0] > 0x5a)) return void socket.end(`HTTP/1.1 400 Bad Request${CRLF}connection: close${CRLF}content-length: 0${CRLF}${CRLF}`);
      const end = buf.indexOf(CRLF + CRLF);
      if (end < 0) return;
      const [line, ...lines] = buf.subarray(0, end).toString('latin1').split(CRLF);
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? 0);
      if (buf.length < end + 4 + length) return;
      const body = buf.subarray(end + 4, end + 4 + length);
      buf = buf.subarray(end + 4 + length);
      const path = line.split(' ')[1] ?? '/';
      const name = path.split('/')[1] ?? '';
      const n = (counts.get(name) ?? 0) + 1;
      counts.set(name, n);
      const behaviour = behaviours[name];
      if (!behaviour) return reply(socket, 404, {}, `no behaviour ${name}`);
      // A behaviour owns the connection from here: keep-alive requests after it are its business.
      busy = !KEEPS_ALIVE.has(behaviour);
      behaviour(socket, { path, headers, body, n }, zoo);
    });
  };
  const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, onSocket) : createTcpServer(onSocket);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const zoo: Zoo = {
    port,
    counts,
    url: (behaviour) => `${tls ? 'https' : 'http'}://127.0.0.1:${port}/${behaviour}`,
    shutdown() {
      server.close();
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        if (!server.listening) resolve();
      }),
  };
  return zoo;
}

/** Behaviours that answer and leave the connection usable for the next request. */
const KEEPS_ALIVE = new Set<Behaviour>();
/** Marks a behaviour as one that leaves the connection usable (keep-alive). */
export function keepsAlive(b: Behaviour): Behaviour {
  KEEPS_ALIVE.add(b);
  return b;
}

/** A correct, minimal receiver: 200 with an empty body ("you can choose to reply with an empty body"). */
export const ok: Behaviour = keepsAlive((socket) => reply(socket, 200, {}));

const GIB = 1024 * 1024 * 1024;
let bombBytes: Buffer | undefined;
/** 100 MB of JSON whitespace after an empty reply, gzipped: about 1000 : 1, valid JSON once inflated. */
const bomb = () => {
  if (!bombBytes) {
    const inflated = Buffer.alloc(100 * 1024 * 1024, 0x20);
    Buffer.from('{"message":[]}').copy(inflated, 0);
    bombBytes = gzipSync(inflated, { level: 9 });
  }
  return bombBytes;
};
const deep = Buffer.from(`{"message":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);

/** Every hostile behaviour, by the name in its URL. */
export const BEHAVIOURS: Record<string, Behaviour> = {
  ok,
  'json-ok': keepsAlive((s) => signedJson(s, '{"message":[{"message":"ok"}]}')),
  'never-answers': () => undefined,
  'headers-no-body': (s) => s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: 100${CRLF}${CRLF}`),
  slowloris: (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: 30${CRLF}${CRLF}{`);
    trickle(s, '"message":[{"message":"ok"}]}', 1000);
  },
  'close-mid-headers': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}Content-Ty`);
    setTimeout(() => s.end(), 10);
  },
  'reset-mid-headers': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}Content-Ty`);
    setTimeout(() => s.resetAndDestroy(), 10);
  },
  'close-mid-body': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: 100${CRLF}${CRLF}{"message":`);
    setTimeout(() => s.end(), 10);
  },
  'reset-mid-body': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: 100${CRLF}${CRLF}{"message":`);
    setTimeout(() => s.resetAndDestroy(), 10);
  },
  gigabyte: (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: ${GIB}${CRLF}${CRLF}`);
    stream(s, Buffer.alloc(64 * 1024, 0x20), GIB);
  },
  'endless-chunked': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}transfer-encoding: chunked${CRLF}${CRLF}`);
    stream(s, Buffer.alloc(64 * 1024, 0x20), Infinity, (c) => Buffer.concat([Buffer.from(`${c.length.toString(16)}${CRLF}`), c, Buffer.from(CRLF)]));
  },
  'endless-headers': (s) => {
    s.write(`HTTP/1.1 200 OK${CRLF}`);
    let n = 0;
    stream(s, Buffer.alloc(1), Infinity, () => `x-header-${n++}: ${'h'.repeat(100)}${CRLF}`);
  },
  'gzip-bomb': keepsAlive((s) => signedJson(s, bomb(), { 'content-encoding': 'gzip' })),
  'length-more': (s) => s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: 100${CRLF}${CRLF}{}`),
  'length-less': (s) => {
    const body = '{"message":[{"message":"ok"}]}';
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}x-mplus-signature: ${signMplus(Buffer.from(body), ZOO_SECRET)}${CRLF}content-length: 5${CRLF}${CRLF}${body}`);
    s.end();
  },
  'invalid-utf8': keepsAlive((s) => signedJson(s, Buffer.concat([Buffer.from('{"message":[{"message":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]}')]))),
  bom: keepsAlive((s) => signedJson(s, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"message":[]}')]))),
  'deep-nesting': keepsAlive((s) => signedJson(s, deep)),
  'huge-string': (s) => {
    const head = '{"message":[{"message":"';
    const total = head.length + 100 * 1024 * 1024 + 4;
    s.write(`HTTP/1.1 200 OK${CRLF}content-type: application/json${CRLF}content-length: ${total}${CRLF}${CRLF}${head}`);
    stream(s, Buffer.alloc(64 * 1024, 0x61), 100 * 1024 * 1024, undefined, () => s.write('"}]}'));
  },
  'duplicate-keys': keepsAlive((s) => signedJson(s, '{"message":[{"message":"first"}],"message":[{"message":"second"}]}')),
  nan: keepsAlive((s) => signedJson(s, '{"message":[{"message":"x","displayTime":NaN}]}')),
  'redirect-301': keepsAlive((s, r) => reply(s, 301, { location: `/json-ok${r.path.slice(r.path.indexOf('/', 1))}` })),
  'redirect-302': keepsAlive((s, r) => reply(s, 302, { location: `/json-ok${r.path.slice(r.path.indexOf('/', 1))}` })),
  'redirect-307': keepsAlive((s, r) => reply(s, 307, { location: `/json-ok${r.path.slice(r.path.indexOf('/', 1))}` })),
  'redirect-308': keepsAlive((s, r) => reply(s, 308, { location: `/json-ok${r.path.slice(r.path.indexOf('/', 1))}` })),
  'redirect-loop': keepsAlive((s, r) => reply(s, 302, { location: r.path })),
  'continue-then-ok': (s) => {
    s.write(`HTTP/1.1 100 Continue${CRLF}${CRLF}`);
    setTimeout(() => reply(s, 200, {}), 20);
  },
  'continue-forever': (s) => {
    const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write(`HTTP/1.1 100 Continue${CRLF}${CRLF}`)), 50);
    s.once('close', () => clearInterval(timer));
  },
  'http-1.0': (s) => {
    const body = '{"message":[{"message":"ok"}]}';
    s.end(`HTTP/1.0 200 OK${CRLF}content-type: application/json${CRLF}x-mplus-signature: ${signMplus(Buffer.from(body), ZOO_SECRET)}${CRLF}${CRLF}${body}`);
  },
  'not-http': (s) => s.end(`SSH-2.0-OpenSSH_9.6${CRLF}`),
  'stops-answering': keepsAlive((s, r) => {
    if (r.n <= 4) reply(s, 200, {});
  }),
  /** Answers the probe and MP-TIM-001's two timed requests of a quick pass (`runs: 2`), then accepts and says nothing. */
  'stops-answering-after-timing': keepsAlive((s, r) => {
    if (r.n <= 3) reply(s, 200, {});
  }),
  'goes-away': keepsAlive((s, r, zoo) => {
    if (r.n <= 3) reply(s, 200, {});
    else zoo.shutdown();
  }),
  slow: keepsAlive((s) => setTimeout(() => !s.destroyed && reply(s, 200, {}), 150)),
  /** A valid reply padded to 900 KB with JSON whitespace: reports of it are big, and take a while to write. */
  'big-ok': keepsAlive((s) => signedJson(s, Buffer.concat([Buffer.from('{"message":[]}'), Buffer.alloc(900 * 1024, 0x20)]))),
};
