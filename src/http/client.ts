import { performance } from 'node:perf_hooks';
import { Agent, request, type Dispatcher } from 'undici';
import { classifyTransportError } from './classify.js';
import type { LiveExchange } from './exchange.js';

/** Limits of the HTTP client. */
export interface ClientOptions {
  /** Time allowed to set up a connection. @defaultValue 5000 */
  connectTimeoutMs?: number;
  /** Largest reply body read; more is cut and reported as `too-large`. @defaultValue 1 MiB */
  maxBodyBytes?: number;
  /** Sockets kept per origin. @defaultValue 64 */
  connections?: number;
  /** Extra CA certificate(s) (PEM) to trust, for endpoints with a private CA. */
  ca?: string;
  /** Accept any certificate. */
  insecure?: boolean;
}

/** One request to send: the body is final (signed) bytes. */
export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** What the exchange is for (event name, flow step). */
  label: string;
  /** Budget for the whole exchange, headers and body. */
  timeoutMs: number;
}

/**
 * The HTTP client: one keep-alive pool per run, a deadline per request, a cap on reply size, timings and a
 * record of every exchange. Redirects are not followed (a redirect is a reply to judge) and replies are not
 * decompressed (hookcert never asks for compression).
 */
export class HttpClient {
  private readonly dispatcher: Dispatcher;
  private readonly maxBodyBytes: number;
  private seq = 0;
  private readonly aborter = new AbortController();

  constructor(options: ClientOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.dispatcher = new Agent({
      connectTimeout: options.connectTimeoutMs ?? 5000,
      connections: options.connections ?? 64,
      keepAliveTimeout: 4000,
      pipelining: 1,
      connect: { ca: options.ca, rejectUnauthorized: !options.insecure },
    });
  }

  /** Sends one request and records the exchange; never throws for what the endpoint does. */
  async send(req: SendRequest): Promise<LiveExchange> {
    const seq = ++this.seq;
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    const exchange: LiveExchange = {
      seq,
      label: req.label,
      request: { method: 'POST', url: req.url, headers: { ...req.headers }, body: req.body.toString('utf8') },
      timing: { startedAt, totalMs: 0 },
    };
    const deadline = AbortSignal.any([AbortSignal.timeout(req.timeoutMs), this.aborter.signal]);
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
        signal: deadline,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      exchange.timing.headersMs = performance.now() - t0;
      status = res.statusCode;
      headers = flattenHeaders(res.headers);
      for await (const chunk of res.body) {
        const buf = chunk as Buffer;
        if (bytes + buf.length > this.maxBodyBytes) {
          chunks.push(buf.subarray(0, this.maxBodyBytes - bytes));
          bytes = this.maxBodyBytes;
          truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(buf);
        bytes += buf.length;
      }
      if (truncated) {
        exchange.error = { kind: 'too-large', message: `the reply body is larger than the ${this.maxBodyBytes}-byte cap` };
      }
    } catch (err) {
      exchange.error = this.aborter.signal.aborted
        ? { kind: 'aborted', message: 'the run was interrupted' }
        : classifyTransportError(err);
    }
    exchange.timing.totalMs = performance.now() - t0;
    if (status !== undefined) {
      const raw = Buffer.concat(chunks);
      exchange.rawBody = raw;
      exchange.response = { status, headers, body: raw.toString('utf8'), bytes, truncated };
    }
    return exchange;
  }

  /** Aborts every request in flight (interruption). */
  abort(): void {
    this.aborter.abort();
  }

  /** Closes the pool; in-flight requests are aborted. */
  async close(): Promise<void> {
    await this.dispatcher.destroy().catch(() => undefined);
  }
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
