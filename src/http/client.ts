import { rootCertificates } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import { classifyTransportError } from './classify.js';
import { debugLines } from './debug.js';
import type { LiveExchange } from './exchange.js';
import { InFlightGate } from './gate.js';

/** Limits of the HTTP client. */
export interface ClientOptions {
  /** Time allowed to set up a connection. @defaultValue 5000 */
  connectTimeoutMs?: number;
  /** Largest reply body read; more is cut and reported as `too-large`. @defaultValue 1 MiB */
  maxBodyBytes?: number;
  /** Sockets kept per origin. @defaultValue 64 */
  connections?: number;
  /** Extra CA certificate(s) (PEM) to trust beside the usual roots, for endpoints with a private CA. */
  ca?: string;
  /** Accept any certificate. */
  insecure?: boolean;
  /** `--debug`: receives every exchange as lines (headers with the signature; the secret is never in them). */
  log?: (line: string) => void;
  /** Called with every finished exchange (the run watches whether the endpoint still answers). */
  onExchange?: (exchange: LiveExchange) => void;
  /** How much of a reply body an exchange record keeps as text (the raw bytes are judged whole). @defaultValue 16 KiB */
  recordBodyBytes?: number;
  /** Requests in flight at once, across every caller (`--concurrency`); the others wait their turn. @defaultValue no cap */
  maxInFlight?: number;
}

/** One request to send: the body is final (signed) bytes. */
export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** What the exchange is for (event name, flow step). */
  label: string;
  /** Budget for the whole exchange: connection, headers and body. */
  timeoutMs: number;
  /** Aborting it aborts the request (or, while it waits for a slot, sends nothing): the check it belongs to ended. */
  signal?: AbortSignal;
}

/** What sends a request and gives back its exchange: the run's client, or a check's line to it. */
export interface Sender {
  send(req: SendRequest): Promise<LiveExchange>;
}

/**
 * The HTTP client: one keep-alive pool per run, a deadline per request (covering a reply that trickles in a
 * byte at a time), a cap on reply size (an endless or 1 GB body is cut without being held), timings and a
 * record of every exchange. Redirects are not followed (a redirect is a reply to judge) and replies are not
 * decompressed (hookcert never asks for compression, so a gzip bomb stays a small opaque body).
 */
export class HttpClient implements Sender {
  private readonly dispatcher: Dispatcher;
  private readonly maxBodyBytes: number;
  private seq = 0;
  private readonly aborter = new AbortController();
  /** The cap on requests in flight, when there is one. */
  readonly gate?: InFlightGate;

  constructor(private readonly options: ClientOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    if (options.maxInFlight !== undefined) this.gate = new InFlightGate(options.maxInFlight);
    this.dispatcher = new Agent({
      connectTimeout: options.connectTimeoutMs ?? 5000,
      connections: options.connections ?? 64,
      keepAliveTimeout: 4000,
      pipelining: 1,
      connect: { ca: options.ca ? [...rootCertificates, options.ca] : undefined, rejectUnauthorized: !options.insecure },
    });
  }

  /**
   * Sends one request and records the exchange; never throws for what the endpoint does. With a cap on requests
   * in flight, it first waits for a slot (the exchange's timings start once it has one): an abort meanwhile
   * sends nothing and gives an `aborted` exchange.
   */
  async send(req: SendRequest): Promise<LiveExchange> {
    let release: (() => void) | undefined;
    if (this.gate) {
      const waiting = req.signal ? AbortSignal.any([req.signal, this.aborter.signal]) : this.aborter.signal;
      release = await this.gate.acquire(waiting).catch(() => undefined);
      if (!release) return this.unsent(req);
    }
    try {
      const exchange = await this.exchange(req);
      if (this.options.log) for (const line of debugLines(exchange, req.timeoutMs)) this.options.log(line);
      this.options.onExchange?.(exchange);
      return exchange;
    } finally {
      release?.();
    }
  }

  /** The record of a request that was never sent: the run or its check ended while it waited. */
  private unsent(req: SendRequest): LiveExchange {
    return {
      seq: ++this.seq,
      label: req.label,
      request: { method: 'POST', url: req.url, headers: { ...req.headers }, body: req.body.toString('utf8') },
      error: { kind: 'aborted', message: this.aborter.signal.aborted ? 'not sent: the run was stopped' : 'not sent: its check had ended' },
      timing: { startedAt: new Date().toISOString(), totalMs: 0 },
    };
  }

  private async exchange(req: SendRequest): Promise<LiveExchange> {
    const seq = ++this.seq;
    const t0 = performance.now();
    const exchange: LiveExchange = {
      seq,
      label: req.label,
      request: { method: 'POST', url: req.url, headers: { ...req.headers }, body: req.body.toString('utf8') },
      timing: { startedAt: new Date().toISOString(), totalMs: 0 },
    };
    const deadline = AbortSignal.timeout(req.timeoutMs);
    const keep = this.options.recordBodyBytes ?? 16 * 1024;
    const signal = AbortSignal.any(req.signal ? [deadline, this.aborter.signal, req.signal] : [deadline, this.aborter.signal]);
    let status: number | undefined;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    try {
      const res = await request(req.url, {
        method: 'POST',
        headers: req.headers,
        body: req.body,
        dispatcher: this.dispatcher,
        signal,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      exchange.timing.headersMs = performance.now() - t0;
      status = res.statusCode;
      headers = flattenHeaders(res.headers);
      // A body that declares more than the cap is too large already: read what the record keeps, no more.
      const declared = Number(headers['content-length']);
      const limit = declared > this.maxBodyBytes ? Math.min(this.maxBodyBytes, keep) : this.maxBodyBytes;
      for await (const chunk of res.body) {
        const buf = chunk as Buffer;
        if (bytes + buf.length > limit) {
          chunks.push(buf.subarray(0, limit - bytes));
          bytes = limit;
          truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(buf);
        bytes += buf.length;
      }
      if (declared > this.maxBodyBytes) truncated = true;
      if (truncated) exchange.error = { kind: 'too-large', message: tooLarge(this.maxBodyBytes, headers, bytes) };
    } catch (err) {
      const elapsed = Math.round(performance.now() - t0);
      if (this.aborter.signal.aborted) exchange.error = { kind: 'aborted', message: 'the run was stopped' };
      else if (req.signal?.aborted) exchange.error = { kind: 'aborted', message: 'its check ended' };
      else if (deadline.aborted) exchange.error = { kind: 'timeout', message: timedOut(req.timeoutMs, status, bytes, exchange.timing.headersMs) };
      else {
        const classified = classifyTransportError(err);
        if (classified.kind === 'timeout') classified.message = timedOut(req.timeoutMs, status, bytes, exchange.timing.headersMs);
        if (classified.kind === 'reset' && status !== undefined) classified.message += cutShort(bytes, headers);
        if (classified.kind === 'reset' || classified.kind === 'protocol') classified.message += ` (after ${elapsed} ms)`;
        exchange.error = classified;
      }
    }
    exchange.timing.totalMs = performance.now() - t0;
    if (status !== undefined) {
      // A body cut at the cap is judged by its size alone: only what the record keeps is kept.
      const raw = truncated ? Buffer.concat(chunks, Math.min(bytes, keep)) : Buffer.concat(chunks);
      exchange.rawBody = raw;
      // A run keeps a dozen records per check: a thousand 1 MiB bodies would not fit in memory.
      const cut = bytes > keep;
      exchange.response = { status, headers, body: raw.subarray(0, keep).toString('utf8'), bytes, truncated, ...(cut ? { recordedBytes: keep } : {}) };
    }
    return exchange;
  }

  /** Aborts every request in flight, and every later one (the run is over). */
  abort(): void {
    this.aborter.abort();
  }

  /** Closes the pool; in-flight requests are aborted. Waits at most `waitMs` for sockets to close. */
  async close(waitMs = 500): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.dispatcher.destroy().catch(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
    ]);
    clearTimeout(timer);
  }
}

/** `no complete reply within 500 ms: the status line and headers came after 3 ms, then 12 bytes of the body`. */
function timedOut(budgetMs: number, status: number | undefined, bytes: number, headersMs: number | undefined): string {
  if (status === undefined) return `no reply within ${budgetMs} ms (not even the status line)`;
  return `no complete reply within ${budgetMs} ms: HTTP ${status} and its headers came after ${Math.round(headersMs ?? 0)} ms, then only ${bytes} byte${bytes === 1 ? '' : 's'} of the body`;
}

function tooLarge(cap: number, headers: Record<string, string>, read: number): string {
  const declared = headers['content-length'];
  const what = declared ? `declared ${declared} bytes` : headers['transfer-encoding'] ? `is ${headers['transfer-encoding']} and went past it` : 'went past it';
  return `the reply body is larger than the ${cap}-byte cap (it ${what}); hookcert read the first ${read} bytes and closed the connection (--max-body-bytes)`;
}

function cutShort(bytes: number, headers: Record<string, string>): string {
  const declared = headers['content-length'];
  return declared ? `: ${bytes} of the ${declared} bytes its Content-Length declared had come` : `: ${bytes} bytes of the body had come`;
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
