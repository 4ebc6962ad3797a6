import fc from 'fast-check';
import type { EventConfig, Subscription } from '../../runner/subscription.js';
import type { LiveExchange } from '../../http/exchange.js';
import { CheckContext } from '../../runner/context.js';
import { deliverBytes } from '../../runner/deliver.js';
import type { RunOptions } from '../../runner/options.js';
import type { RunDeps } from '../../runner/run.js';
import { deriveSeed } from '../../runner/seed.js';
import type { KopokopoCatalogue, KopokopoTopic } from './catalogue.js';
import { bodyBytes, type BodyForm } from '../corpus/forms.js';
import { KOPOKOPO_CORPUS } from './corpus.js';
import { forgedSignature, type Forgery } from '../forgery.js';
import { deliveryHeaders, kopokopoScheme, topicUrl, type Tamper } from './headers.js';
import type { JsonObject } from '../corpus/types.js';
import { isCallback, isWebhook, payloadArbitrary, type KopokopoCallbackPayload, type KopokopoPayload, type KopokopoWebhookPayload, type PayloadShape } from './payloads.js';

/**
 * A reply as Kopo Kopo reads it. Kopo Kopo publishes no reply format: what counts is the status (SDK
 * receivers answer 200 on success and 401 on a bad signature), so the body is kept for the report only.
 */
export interface KopokopoReply {
  /** No complete HTTP reply (see the exchange's `error`): a hang, a reset, a timeout. */
  missing: boolean;
  status?: number;
  contentType?: string;
  /** The reply body as text (for messages). */
  body: string;
}

/** One delivery and its reply. */
export interface KopokopoDelivery {
  /** The topic name (`buygoods_transaction_received`, `daraja_…`, `callback_…`). */
  topic: string;
  /** The payload as sent (`undefined` when raw bytes were sent); a check may send one outside the schemas (an unknown topic). */
  payload?: KopokopoPayload | JsonObject;
  /** The exact bytes sent. */
  body: Buffer;
  exchange: LiveExchange;
  reply: KopokopoReply;
}

/** How one delivery goes out: forged, in another form, with another Content-Type. */
export interface KopokopoDeliverOptions {
  /** The signature header a forger would send instead of Kopo Kopo's (see {@link Forgery}). */
  forged?: Forgery;
  /**
   * The body in another form than the payload's compact JSON: a corpus entry (truncated, XML, restyled…), or
   * exact bytes (a re-delivery). Signed over those bytes unless `forged`.
   */
  raw?: BodyForm | Buffer;
  /** The Content-Type changed or left out. */
  tamper?: Tamper;
}

/** What the simulator needs from the run: the check's line to the endpoint, the recorder, the schemas, who it is. */
export interface KopokopoDeps extends RunDeps {
  catalogue: KopokopoCatalogue;
}

/** Reads a reply; never throws. */
export function readReply(ex: LiveExchange): KopokopoReply {
  const res = ex.response;
  if (!res || ex.error) return { missing: true, status: res?.status, body: res?.body ?? '' };
  return { missing: false, status: res.status, contentType: res.headers['content-type'], body: res.body };
}

/**
 * The check context of the `kopokopo` profile: Kopo Kopo as a sender. Checks ask it for payloads and
 * deliveries; it generates bodies from the schemas, serialises each once, signs those exact bytes with the
 * API key (`X-KopoKopo-Signature`), posts them to the topic's URL through the run's client, and records the
 * exchange. A check never touches sockets, signatures or schemas directly.
 */
export class KopokopoContext extends CheckContext {
  private built = 0;

  constructor(
    sub: Subscription,
    options: RunOptions,
    seed: number,
    readonly deps: KopokopoDeps,
  ) {
    super(sub, options, seed, deps.signal);
  }

  /** The subscribed topics and callbacks, less those this check leaves out (proven over their budget: {@link sendable}). */
  topics(): EventConfig[] {
    return this.sendable(this.sub.events, (e) => e.name);
  }

  /** The subscribed topics of `kind`, less those this check leaves out. */
  topicsOf(kind: KopokopoTopic['kind']): EventConfig[] {
    return this.sendable(this.sub.events.filter((e) => this.topic(e.name).kind === kind), (e) => e.name);
  }

  /** The catalogue entry of `name`. */
  topic(name: string): KopokopoTopic {
    return this.deps.catalogue.get(name);
  }

  /** The reply budget of `name` (ms): the config file's, else the catalogue's. */
  budget(name: string): number {
    return this.sub.events.find((e) => e.name === name)?.budgetMs ?? this.topic(name).budgetMs;
  }

  /** The URL `name` is delivered to. */
  url(name: string): string {
    return topicUrl(this.sub, name);
  }

  /** Generated payloads of `name`, for property runs. */
  payloads(name: string, shape: PayloadShape = {}): fc.Arbitrary<KopokopoPayload> {
    return payloadArbitrary(this.deps.schemas, this.topic(name), this.url(name), shape);
  }

  /** One generated payload of `name`, deterministic from the check's seed and how many were built before. */
  payload(name: string, shape: PayloadShape = {}): KopokopoPayload {
    const seed = deriveSeed(this.seed, `payload:${this.built++}`);
    return fc.sample(this.payloads(name, shape), { seed, numRuns: 1 })[0];
  }

  /** {@link payload} of a webhook topic, typed as its envelope; throws for a topic of another kind (a check's bug). */
  webhook(name: string, shape: PayloadShape = {}): KopokopoWebhookPayload {
    const p = this.payload(name, shape);
    if (!isWebhook(p)) throw new Error(`hookcert: ${name} is not a webhook topic`);
    return p;
  }

  /** {@link payload} of a result callback, typed as one; throws for a topic of another kind (a check's bug). */
  callback(name: string, shape: PayloadShape = {}): KopokopoCallbackPayload {
    const p = this.payload(name, shape);
    if (!isCallback(p)) throw new Error(`hookcert: ${name} is not a result callback`);
    return p;
  }

  /**
   * Delivers `payload` as Kopo Kopo does: serialised once (compact JSON), signed over those bytes, posted to
   * the topic's URL, timed and recorded. `forged` makes the signature a forger's, `raw` sends the payload in
   * another form, `tamper` changes the content type.
   */
  async deliver(name: string, payload: KopokopoPayload | JsonObject | undefined, opts: KopokopoDeliverOptions = {}): Promise<KopokopoDelivery> {
    return this.post(name, bodyBytes(payload, opts.raw, KOPOKOPO_CORPUS), opts.raw ? undefined : payload, opts);
  }

  /** Sends the very bytes of `d` again, signed as `opts` says (by default, as Kopo Kopo re-delivers: the same signature). */
  async redeliver(d: KopokopoDelivery, opts: Omit<KopokopoDeliverOptions, 'raw'> = {}): Promise<KopokopoDelivery> {
    return this.post(d.topic, d.body, d.payload, opts);
  }

  private async post(name: string, body: Buffer, payload: KopokopoPayload | JsonObject | undefined, opts: KopokopoDeliverOptions): Promise<KopokopoDelivery> {
    const signature = forgedSignature(kopokopoScheme(this.sub), body, opts.forged, this.seed);
    // Kopo Kopo reads the status alone (and the body as text).
    const { exchange, judged: reply } = await deliverBytes(this, this.deps, { url: this.url(name), headers: deliveryHeaders(signature, opts.tamper), body, label: name, budgetMs: this.budget(name) }, readReply);
    return { topic: name, payload, body, exchange, reply };
  }

  /** Delivers a freshly generated payload of `name`. */
  async send(name: string, shape: PayloadShape = {}, opts: Omit<KopokopoDeliverOptions, 'raw'> = {}): Promise<KopokopoDelivery> {
    return this.deliver(name, this.payload(name, shape), opts);
  }
}
