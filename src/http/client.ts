import { setMaxListeners } from 'node:events';
import { rootCertificates } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher } from 'undici';
import { classifyTransportError } from './classify.js';
import { debugLines } from './debug.js';
import { dispatchPost, type Received } from './dispatch.js';
import type { ExchangeTiming, LiveExchange, RecordedRequest } from './exchange.js';
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
  /**
   * The largest reply body an exchange record keeps whole as text (the raw bytes are judged whole). A longer one
   * is kept as its first {@link CUT_BODY_RECORD_BYTES} bytes. @defaultValue 16 KiB
   */
  recordBodyBytes?: number;
  /** Requests in flight at once, across every caller (`--concurrency`); the others wait their turn. @defaultValue no cap */
  maxInFlight?: number;
}

/**
 * How much of a reply body too long for its record to keep whole the record keeps: its start, enough to show
 * what it is (the reply was judged on all its bytes, and the record says how many there were). A run keeps
 * hundreds of records (failures, their counterexamples and flows): at 16 KiB each, an endpoint answering
 * every request with 200 KB of JSON made a 12 MB results.json and raised the run's peak memory by 90 MB
 * while its reports were written.
 */
export const CUT_BODY_RECORD_BYTES = 2048;

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
  /** When requests wait for a slot, the lower priority goes first (see {@link InFlightGate}). @defaultValue 0 */
  priority?: number;
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
  /** The requests in flight, so that stopping the run aborts each (one controller a request, no composed signals). */
  private readonly flying = new Set<Flight>();
  private readonly targets = new Map<string, { origin: string; path: string }>();
  /** The cap on requests in flight, when there is one. */
  readonly gate?: InFlightGate;

  constructor(private readonly options: ClientOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    if (options.maxInFlight !== undefined) this.gate = new InFlightGate(options.maxInFlight);
    // Every request waiting for a slot watches it (and lets go once granted): more than 10 wait at once.
    setMaxListeners(0, this.aborter.signal);
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
    if (this.aborter.signal.aborted || req.signal?.aborted) return this.unsent(req);
    if (this.gate) {
      release = this.gate.tryAcquire() ?? (await this.gate.acquire(req.priority ?? 0, req.signal, this.aborter.signal).catch(() => undefined));
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
      request: recordedRequest(req),
      error: { kind: 'aborted', message: this.aborter.signal.aborted ? 'the run was stopped' : 'not sent: its check had ended' },
      timing: startedNow(),
    };
  }

  private async exchange(req: SendRequest): Promise<LiveExchange> {
    const seq = ++this.seq;
    const t0 = performance.now();
    const exchange: LiveExchange = {
      seq,
      label: req.label,
      request: recordedRequest(req),
      timing: startedNow(),
    };
    const whole = this.options.recordBodyBytes ?? 16 * 1024;
    // What the record keeps of a body it cannot keep whole.
    const keep = Math.min(whole, CUT_BODY_RECORD_BYTES);
    const { origin, path } = this.target(req.url);
    const sending = dispatchPost(this.dispatcher, {
      origin,
      path,
      headers: req.headers,
      body: req.body,
      timeoutMs: req.timeoutMs,
      limit: this.maxBodyBytes,
      // A body that declares more than the cap is too large already: read what the record keeps, no more.
      declaredLimit: () => Math.min(this.maxBodyBytes, keep),
    });
    // The deadline, the end of the run and the end of the request's check each abort it; the first one says why.
    const flight: Flight = { abort: sending.abort };
    const deadline = setTimeout(() => abortFlight(flight, 'timeout'), req.timeoutMs);
    const onCheckEnd = () => abortFlight(flight, 'check');
    req.signal?.addEventListener('abort', onCheckEnd, { once: true });
    this.flying.add(flight);
    let got: Received;
    try {
      got = await sending.done;
    } catch (err) {
      got = (err as { received?: Received }).received ?? { chunks: [], bytes: 0, truncated: false };
      exchange.error = this.failure(err, flight, req.timeoutMs, got, t0);
    } finally {
      clearTimeout(deadline);
      req.signal?.removeEventListener('abort', onCheckEnd);
      this.flying.delete(flight);
    }
    const status = got.status;
    const headers = got.headers ? flattenHeaders(got.headers) : {};
    const bytes = got.bytes;
    const chunks = got.chunks;
    // The endpoint's time runs from the request's first byte on the wire, not from hookcert's wait for a socket.
    const start = got.writtenAt ?? t0;
    if (got.writtenAt !== undefined) exchange.timing.connectMs = got.writtenAt - t0;
    if (got.headersAt !== undefined) exchange.timing.headersMs = got.headersAt - start;
    const truncated = got.truncated || Number(headers['content-length']) > this.maxBodyBytes;
    if (truncated && !exchange.error) exchange.error = { kind: 'too-large', message: tooLarge(this.maxBodyBytes, headers, bytes) };
    exchange.timing.totalMs = (got.endedAt ?? performance.now()) - start;
    if (status !== undefined) {
      // A body cut at the cap is judged by its size alone: only what the record keeps is kept.
      // A run keeps a dozen records per check: a thousand 1 MiB bodies would not fit in memory.
      const cut = bytes > whole;
      const raw = truncated ? Buffer.concat(chunks, Math.min(bytes, cut ? keep : whole)) : Buffer.concat(chunks);
      exchange.rawBody = raw;
      exchange.response = { status, headers, body: (cut ? raw.subarray(0, keep) : raw).toString('utf8'), bytes, truncated, ...(cut ? { recordedBytes: keep } : {}) };
    }
    return exchange;
  }

  /** How an exchange that got no complete reply ended, in the words of its record. */
  private failure(err: unknown, flight: Flight, timeoutMs: number, got: Received, t0: number): NonNullable<LiveExchange['error']> {
    const elapsedMs = performance.now() - t0;
    const headersMs = got.headersAt !== undefined ? got.headersAt - (got.writtenAt ?? t0) : undefined;
    const headers = got.headers ? flattenHeaders(got.headers) : {};
    if (flight.why === 'run' || this.aborter.signal.aborted) return { kind: 'aborted', message: 'the run was stopped' };
    if (flight.why === 'check') return { kind: 'aborted', message: 'its check ended' };
    if (flight.why === 'timeout') return { kind: 'timeout', message: timedOut(timeoutMs, got.status, got.bytes, headersMs) };
    const classified = classifyTransportError(err);
    if (classified.kind === 'timeout') classified.message = timedOut(timeoutMs, got.status, got.bytes, headersMs);
    if (classified.kind === 'reset' && got.status !== undefined) classified.message += cutShort(got.bytes, headers);
    if (classified.kind === 'reset' || classified.kind === 'protocol') classified.message += ` (after ${Math.round(elapsedMs)} ms)`;
    return classified;
  }

  /** The origin and path of `url` (parsed once per URL: a run posts to a few dozen). */
  private target(url: string): { origin: string; path: string } {
    let t = this.targets.get(url);
    if (!t) {
      const u = new URL(url);
      this.targets.set(url, (t = { origin: u.origin, path: `${u.pathname}${u.search}` }));
    }
    return t;
  }

  /** Aborts every request in flight, and every later one (the run is over). */
  abort(): void {
    this.aborter.abort();
    for (const flight of [...this.flying]) abortFlight(flight, 'run');
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

/**
 * The record of a request as sent. Its body's text is made when something first reads it (a report, a
 * reporter, `--debug`): a run counts thousands of exchanges and keeps the records of a few, and decoding every
 * body it sent was a string copy per delivery. Reading it gives the same text as before, every time.
 */
function recordedRequest(req: SendRequest): RecordedRequest {
  const bytes = req.body;
  let text: string | undefined;
  return {
    method: 'POST',
    url: req.url,
    headers: { ...req.headers },
    get body(): string {
      return (text ??= bytes.toString('utf8'));
    },
    set body(value: string) {
      text = value;
    },
  };
}

/** Timings that start now; the ISO text of the start is made when something first reads it (see {@link recordedRequest}). */
function startedNow(): ExchangeTiming {
  const at = Date.now();
  let text: string | undefined;
  return {
    get startedAt(): string {
      return (text ??= new Date(at).toISOString());
    },
    set startedAt(value: string) {
      text = value;
    },
    totalMs: 0,
  };
}

/** One request in flight: how to abort it, and what aborted it first. */
interface Flight {
  abort: (reason: Error) => void;
  why?: 'timeout' | 'run' | 'check';
}

function abortFlight(flight: Flight, why: NonNullable<Flight['why']>): void {
  if (flight.why) return;
  flight.why = why;
  flight.abort(new Error(`hookcert: request aborted (${why})`));
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
