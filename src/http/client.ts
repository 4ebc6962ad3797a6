import { setMaxListeners } from 'node:events';
import { rootCertificates } from 'node:tls';
import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher } from 'undici';
import { classifyTransportError } from './classify.js';
import { debugLines } from './debug.js';
import { Deadlines, type DeadlineList, type Timed } from './deadlines.js';
import { PostHandler, type Post } from './dispatch.js';
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
  /** The headers to send; the exchange's record keeps this very object, so it is not changed after sending. */
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
  /** The largest reply body a record keeps whole as text. */
  private readonly wholeBytes: number;
  /** What the record keeps of a body it cannot keep whole. */
  private readonly keptBytes: number;
  private seq = 0;
  private readonly aborter = new AbortController();
  /** The requests in flight with their deadlines, so that stopping the run aborts each (no composed signals). */
  private readonly deadlines = new Deadlines();
  private readonly targets = new Map<string, { origin: string; path: string }>();
  /** The cap on requests in flight, when there is one. */
  readonly gate?: InFlightGate;
  /** A body that declares more than the cap is too large already: read what the record keeps, no more. */
  private readonly declaredLimit = (): number => Math.min(this.maxBodyBytes, this.keptBytes);

  constructor(private readonly options: ClientOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.wholeBytes = options.recordBodyBytes ?? 16 * 1024;
    this.keptBytes = Math.min(this.wholeBytes, CUT_BODY_RECORD_BYTES);
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
   * in flight, it first waits for a slot (the exchange is timed from its first byte on the wire): an abort meanwhile
   * sends nothing and gives an `aborted` exchange.
   */
  send(req: SendRequest): Promise<LiveExchange> {
    try {
      if (this.aborter.signal.aborted || req.signal?.aborted) return Promise.resolve(this.unsent(req));
      if (!this.gate) return this.exchange(req, undefined);
      const release = this.gate.tryAcquire();
      if (release) return this.exchange(req, release);
      return this.gate.acquire(req.priority ?? 0, req.signal, this.aborter.signal).then(
        (granted) => this.exchange(req, granted),
        () => this.unsent(req),
      );
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** The record of a request that was never sent: the run or its check ended while it waited. */
  private unsent(req: SendRequest): LiveExchange {
    return {
      seq: ++this.seq,
      label: req.label,
      request: recordedRequest(req),
      error: { kind: 'aborted', message: this.aborter.signal.aborted ? 'the run was stopped' : 'not sent: its check had ended' },
      timing: startedNow(Date.now()),
    };
  }

  /** Sends `req` on a slot already granted (`release` gives it back once the exchange is recorded). */
  private exchange(req: SendRequest, release: (() => void) | undefined): Promise<LiveExchange> {
    const { origin, path } = this.target(req.url);
    const flight = new Flight(this, req, release, {
      origin,
      path,
      headers: req.headers,
      body: req.body,
      timeoutMs: req.timeoutMs,
      limit: this.maxBodyBytes,
      declaredLimit: this.declaredLimit,
    });
    // The deadline, the end of the run and the end of the request's check each abort it; the first one says why.
    this.deadlines.add(flight, req.timeoutMs);
    req.signal?.addEventListener('abort', flight, { once: true });
    flight.dispatch(this.dispatcher);
    return flight.done;
  }

  /**
   * Called once by `flight` when it is over: its deadline and its check's signal let go, its exchange recorded.
   * @internal
   */
  complete(flight: Flight, err: Error | undefined): LiveExchange {
    const req = flight.req;
    this.deadlines.remove(flight);
    req.signal?.removeEventListener('abort', flight);
    const t0 = flight.t0;
    const maxBodyBytes = this.maxBodyBytes;
    const exchange: LiveExchange = { seq: flight.seq, label: req.label, request: recordedRequest(req), timing: startedNow(flight.at) };
    if (err) exchange.error = this.failure(err, flight, req.timeoutMs, t0);
    const status = flight.status;
    const headers = flight.headers ? flattenHeaders(flight.headers) : {};
    const bytes = flight.bytes;
    const chunks = flight.chunks;
    // The endpoint's time runs from the request's first byte on the wire, not from hookcert's wait for a socket.
    const start = flight.writtenAt ?? t0;
    if (flight.writtenAt !== undefined) exchange.timing.connectMs = flight.writtenAt - t0;
    if (flight.headersAt !== undefined) exchange.timing.headersMs = flight.headersAt - start;
    const truncated = flight.truncated || Number(headers['content-length']) > maxBodyBytes;
    if (truncated && !exchange.error) exchange.error = { kind: 'too-large', message: tooLarge(maxBodyBytes, headers, bytes) };
    exchange.timing.totalMs = (flight.endedAt ?? performance.now()) - start;
    if (status !== undefined) {
      // A body cut at the cap is judged by its size alone: only what the record keeps is kept.
      // A run keeps a dozen records per check: a thousand 1 MiB bodies would not fit in memory.
      const { wholeBytes: whole, keptBytes: keep } = this;
      const cut = bytes > whole;
      const raw = truncated ? Buffer.concat(chunks, Math.min(bytes, cut ? keep : whole)) : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      exchange.rawBody = raw;
      const response: LiveExchange['response'] = { status, headers, body: (cut ? raw.subarray(0, keep) : raw).toString('utf8'), bytes, truncated };
      if (cut) response.recordedBytes = keep;
      exchange.response = response;
    }
    if (this.options.log) for (const line of debugLines(exchange, req.timeoutMs)) this.options.log(line);
    this.options.onExchange?.(exchange);
    return exchange;
  }

  /** How an exchange that got no complete reply ended, in the words of its record. */
  private failure(err: unknown, got: Flight, timeoutMs: number, t0: number): NonNullable<LiveExchange['error']> {
    const elapsedMs = performance.now() - t0;
    const headersMs = got.headersAt !== undefined ? got.headersAt - (got.writtenAt ?? t0) : undefined;
    const headers = got.headers ? flattenHeaders(got.headers) : {};
    if (got.why === 'run' || this.aborter.signal.aborted) return { kind: 'aborted', message: 'the run was stopped' };
    if (got.why === 'check') return { kind: 'aborted', message: 'its check ended' };
    if (got.why === 'timeout') return { kind: 'timeout', message: timedOut(timeoutMs, got.status, got.bytes, headersMs) };
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

  /**
   * The next exchange's number (in the order requests are handed to the pool).
   * @internal
   */
  nextSeq(): number {
    return ++this.seq;
  }

  /** Aborts every request in flight, and every later one (the run is over). */
  abort(): void {
    this.aborter.abort();
    for (const flight of [...this.deadlines.items()]) (flight as Flight).stop('run');
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
 * One request in flight, as one object: undici's handler and what it received ({@link PostHandler}), its
 * deadline ({@link Timed}), the listener of its check's signal, and the promise of its exchange. What aborted
 * it first is `why`.
 */
class Flight extends PostHandler implements Timed {
  readonly seq: number;
  /** performance.now() and Date.now() when it was handed to the pool. */
  readonly t0 = performance.now();
  readonly at = Date.now();
  why?: 'timeout' | 'run' | 'check';
  deadline = 0;
  prevTimed?: Timed;
  nextTimed?: Timed;
  timedIn?: DeadlineList;
  readonly done: Promise<LiveExchange>;
  private resolve!: (ex: LiveExchange) => void;
  private reject!: (err: unknown) => void;

  constructor(
    private readonly client: HttpClient,
    readonly req: SendRequest,
    private readonly release: (() => void) | undefined,
    post: Post,
  ) {
    super(post);
    this.seq = client.nextSeq();
    this.done = new Promise<LiveExchange>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  protected settled(err: Error | undefined): void {
    try {
      this.resolve(this.client.complete(this, err));
    } catch (e) {
      this.reject(e);
    } finally {
      this.release?.();
    }
  }

  /** Aborts it, unless something did already: the first reason is the one its record gives. */
  stop(why: NonNullable<Flight['why']>): void {
    if (this.why) return;
    this.why = why;
    this.abort(new Error(`hookcert: request aborted (${why})`));
  }

  expire(): void {
    this.stop('timeout');
  }

  /** Its check's signal aborted. */
  handleEvent(): void {
    this.stop('check');
  }
}

/**
 * The record of a request as sent. Its headers are the request's own (not a copy: whoever sends a request
 * never changes its headers after). Its body's text is made when something first reads it (a report, a
 * reporter, `--debug`): a run counts thousands of exchanges and keeps the records of a few, and decoding every
 * body it sent was a string copy per delivery. Reading it gives the same text as before, every time.
 */
function recordedRequest(req: SendRequest): RecordedRequest {
  const bytes = req.body;
  let text: string | undefined;
  return {
    method: 'POST',
    url: req.url,
    headers: req.headers,
    get body(): string {
      return (text ??= bytes.toString('utf8'));
    },
    set body(value: string) {
      text = value;
    },
  };
}

/** Timings that start at `at` (Date.now()); the ISO text of the start is made when something first reads it (see {@link recordedRequest}). */
function startedNow(at: number): ExchangeTiming {
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

/**
 * The reply headers with one text per name (repeated headers joined with `, `), lower-case names. undici gives
 * them with lower-case names already, and nearly always with one value each: then its object is the record's.
 */
function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  let flat = true;
  for (const k in h) {
    if (typeof h[k] !== 'string' || k.toLowerCase() !== k) {
      flat = false;
      break;
    }
  }
  if (flat) return h as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
