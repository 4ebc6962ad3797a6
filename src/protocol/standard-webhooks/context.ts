import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Subscription } from '../../runner/subscription.js';
import type { LiveExchange } from '../../http/exchange.js';
import { ownBytes } from '../../http/own-bytes.js';
import { CheckContext } from '../../runner/context.js';
import { deliverBytes } from '../../runner/deliver.js';
import type { RunOptions } from '../../runner/options.js';
import type { RunDeps } from '../../runner/run.js';
import { deriveSeed } from '../../runner/seed.js';
import type { BodyForm } from '../corpus/forms.js';
import { eventTypesOf, type SwEventType } from './catalogue.js';
import { payloadArbitrary, SW_CORPUS, type PayloadShape, type SwPayload } from './payloads.js';
import { ID_HEADER, signatureHeader, SIGNATURE_HEADER, swScheme, TIMESTAMP_HEADER, type SwForgery } from './signing.js';

/** A reply as a Standard Webhooks sender reads it: the status ("2xx success, 410 to disable, 429/502/504 to slow down"). */
export interface SwReply {
  /** No complete HTTP reply (see the exchange's `error`): a hang, a reset, a timeout. */
  missing: boolean;
  status?: number;
  /** The reply body as text (for messages). */
  body: string;
}

/** One delivery and its reply. */
export interface SwDelivery {
  /** The event type (`invoice.paid`): the label. */
  type: string;
  payload?: SwPayload;
  /** The exact bytes sent. */
  body: Buffer;
  /** The headers as sent (`webhook-id`, `webhook-timestamp`, `webhook-signature`, content type). */
  headers: Record<string, string>;
  exchange: LiveExchange;
  reply: SwReply;
}

/** How one delivery goes out. Checks declare; the simulator signs. */
export interface SwDeliverOptions {
  /** The signature a forger would send (see {@link SwForgery}). */
  forged?: SwForgery;
  /** The body in another form than compact JSON (a corpus entry), or exact bytes. Signed over those bytes unless `forged`. */
  raw?: BodyForm | Buffer;
  /** The `webhook-id` (a re-delivery keeps its id). @defaultValue a fresh one from the check's seed */
  id?: string;
  /** Seconds added to the sender's clock for `webhook-timestamp` (negative: in the past). @defaultValue 0 */
  skewSeconds?: number;
  /** `webhook-timestamp` as this exact text (signed as such): a malformed one. */
  timestamp?: string;
  /** Headers left out (the signature: `forged: 'missing'`). */
  omit?: Array<typeof ID_HEADER | typeof TIMESTAMP_HEADER>;
  /** The Content-Type instead of `application/json` (`null`: none). */
  contentType?: string | null;
}

/** Reads a reply; never throws. */
export function readReply(ex: LiveExchange): SwReply {
  const res = ex.response;
  if (!res || ex.error) return { missing: true, status: res?.status, body: res?.body ?? '' };
  return { missing: false, status: res.status, body: res.body };
}

/**
 * The check context of the `standard-webhooks` profile: a Standard Webhooks sender. It draws payloads of the
 * subscribed event types from their schemas, serialises each once, stamps `webhook-id` (from the check's seed)
 * and `webhook-timestamp` (the sender's clock: the one header that is not the seed's, as the receiver judges it
 * against its own clock), signs `{id}.{timestamp}.{body}` with the `whsec_` key, posts to the URL and records
 * the exchange. A check never touches sockets, signatures or schemas directly.
 */
export class SwContext extends CheckContext {
  private built = 0;
  private ids = 0;
  private readonly types: SwEventType[];

  constructor(
    sub: Subscription,
    options: RunOptions,
    seed: number,
    readonly deps: RunDeps,
  ) {
    super(sub, options, seed, deps.signal);
    const all = eventTypesOf(sub);
    this.types = sub.events.map((e) => all.find((t) => t.type === e.name)).filter((t): t is SwEventType => t !== undefined);
  }

  /** The subscribed event types, less those this check leaves out (proven over their budget: {@link sendable}). */
  eventTypes(): SwEventType[] {
    return this.sendable(this.types, (t) => t.type);
  }

  /** The reply budget of `type` (ms): the config file's, else the catalogue's. */
  budget(type: string): number {
    return this.sub.events.find((e) => e.name === type)?.budgetMs ?? this.types.find((t) => t.type === type)?.budgetMs ?? 5000;
  }

  /** Generated payloads of `type`, for property runs. */
  payloads(type: string, shape: PayloadShape = {}): fc.Arbitrary<SwPayload> {
    const t = this.types.find((x) => x.type === type);
    if (!t) throw new Error(`hookcert: ${type} is not a subscribed event type`);
    return payloadArbitrary(this.deps.schemas, t, shape);
  }

  /** One generated payload of `type`, deterministic from the check's seed and how many were built before. */
  payload(type: string, shape: PayloadShape = {}): SwPayload {
    const seed = deriveSeed(this.seed, `payload:${this.built++}`);
    return fc.sample(this.payloads(type, shape), { seed, numRuns: 1 })[0];
  }

  /** A fresh `webhook-id` (`msg_` + 24 hex digits), from the check's seed and how many were made before. */
  freshId(): string {
    return `msg_${createHash('sha256').update(`hookcert:webhook-id:${this.seed}:${this.ids++}`).digest('hex').slice(0, 24)}`;
  }

  /** Delivers `payload` as a Standard Webhooks sender does (see the class). */
  async deliver(type: string, payload: SwPayload | undefined, opts: SwDeliverOptions = {}): Promise<SwDelivery> {
    const body = Buffer.isBuffer(opts.raw) ? opts.raw : ownBytes(opts.raw ? opts.raw.render(payload, JSON.stringify(payload), SW_CORPUS) : JSON.stringify(payload));
    const id = opts.id ?? this.freshId();
    const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000) + (opts.skewSeconds ?? 0));
    const signature = signatureHeader(swScheme(this.sub), { id, timestamp, body }, opts.forged, this.seed);
    const headers: Record<string, string> = {};
    const contentType = opts.contentType === undefined ? 'application/json' : opts.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
    if (!opts.omit?.includes(ID_HEADER)) headers[ID_HEADER] = id;
    if (!opts.omit?.includes(TIMESTAMP_HEADER)) headers[TIMESTAMP_HEADER] = timestamp;
    if (signature !== null) headers[SIGNATURE_HEADER] = signature;
    return this.post(type, body, Buffer.isBuffer(opts.raw) || opts.raw ? undefined : payload, headers);
  }

  /** Sends a delivery again exactly as it went (same bytes, same headers): a replay, as an attacker would. */
  async replay(d: SwDelivery): Promise<SwDelivery> {
    return this.post(d.type, d.body, d.payload, d.headers);
  }

  /** Sends the bytes of `d` again under its `webhook-id` with a fresh timestamp and signature: a sender's retry. */
  async redeliver(d: SwDelivery, opts: Omit<SwDeliverOptions, 'raw' | 'id'> = {}): Promise<SwDelivery> {
    // A retry comes later than its first attempt: never under the same timestamp (that would be a replay).
    const first = Number(d.headers[TIMESTAMP_HEADER]);
    const now = Math.floor(Date.now() / 1000) + (opts.skewSeconds ?? 0);
    const timestamp = opts.timestamp ?? (Number.isSafeInteger(first) && now <= first ? String(first + 1) : undefined);
    return this.deliver(d.type, d.payload, { ...opts, raw: d.body, id: d.headers[ID_HEADER], ...(timestamp ? { timestamp } : {}) });
  }

  /** Delivers a freshly generated payload of `type`. */
  async send(type: string, shape: PayloadShape = {}, opts: Omit<SwDeliverOptions, 'raw'> = {}): Promise<SwDelivery> {
    return this.deliver(type, this.payload(type, shape), opts);
  }

  /** Through the one delivery core of every profile: a sender reads the status alone (and the start of the body). */
  private async post(type: string, body: Buffer, payload: SwPayload | undefined, headers: Record<string, string>): Promise<SwDelivery> {
    const { exchange, judged: reply } = await deliverBytes(this, this.deps, { url: this.sub.url, headers, body, label: type, budgetMs: this.budget(type) }, readReply);
    return { type, payload, body, headers, exchange, reply };
  }
}
