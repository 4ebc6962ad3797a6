import { http, type RequestHandler } from '../handler.js';
import { kopokopoCatalogue } from '../../protocol/kopokopo/catalogue.js';
import { SIGNATURE_HEADER } from '../../protocol/kopokopo/headers.js';
import { verifyKopokopo } from '../../protocol/signature.js';

/** A delivery as the receiver sees it: headers and the raw bytes, exactly as they came off the wire. */
export interface Incoming {
  headers: Headers;
  raw: Buffer;
}

/** What the receiver answers: a status, and a JSON body or raw text. */
export interface Outgoing {
  status: number;
  json?: unknown;
  /** Raw text to send instead of `json` (mutants that answer like a crashed framework). */
  text?: string;
  headers?: Record<string, string>;
}

/** A parsed body: any JSON object (a webhook, a callback, a Daraja payload, or a topic it does not know); read by testing each member. */
export type Body = Record<string, unknown>;

/** What a delivery is about, read from its body. */
export interface Notification {
  kind: 'webhook' | 'callback' | 'daraja';
  /** The webhook topic, the callback's `data.type`, or `daraja` for a flat Daraja payload. */
  topic: string;
  /** The idempotency key: the webhook event `id`, the callback's `data.id`, the Daraja `TransID`. */
  key: string;
  /** A webhook's `created_at`. */
  createdAt?: string;
  /** The receiver handles this topic; an unknown topic is acknowledged and ignored. */
  known: boolean;
}

/** What the receiver remembers between deliveries. */
export interface ReceiverState {
  /** The answer to each event already processed, by idempotency key (bounded). */
  answered: Map<string, Outgoing>;
}

/** A stage's result, possibly asynchronous. */
type Awaitable<T> = T | Promise<T>;

/**
 * The reference receiver as a pipeline of stages, each one rule. A stage answers an {@link Outgoing} to stop the
 * delivery or `undefined` to let it through. Mutants are this object with exactly one stage replaced.
 */
export interface Stages {
  /** `X-KopoKopo-Signature`: HMAC-SHA256 over the raw bytes with the API key, lowercase hex, constant time; else 401. */
  signature(inc: Incoming): Awaitable<Outgoing | undefined>;
  /** The body is declared as JSON; else 415. */
  contentType(inc: Incoming): Outgoing | undefined;
  /** The body is a JSON object; else 400. */
  parse(inc: Incoming): { body: Body } | Outgoing;
  /** Which kind of delivery it is; a body of no Kopo Kopo shape is a 400. */
  classify(body: Body): Notification | Outgoing;
  /** A re-delivery (an id already answered) gets the first answer again. */
  deduplicate(n: Notification, state: ReceiverState): Outgoing | undefined;
  /** The merchant's processing (book the payment, store the customer), then the acknowledgement. */
  process(n: Notification, body: Body): Awaitable<Outgoing>;
}

/** How many answered ids the reference remembers. */
const REMEMBERED = 10_000;

const refuse = (status: number, message: string): Outgoing => ({ status, json: { error: message } });

/** Every webhook topic and callback type the receiver knows (from the catalogue). */
const known = (): { webhooks: Set<string>; callbacks: Set<string> } => {
  const all = [...kopokopoCatalogue().topics.values()];
  return {
    webhooks: new Set(all.filter((t) => t.kind === 'webhook').map((t) => t.topic)),
    callbacks: new Set(all.filter((t) => t.kind === 'callback').map((t) => t.topic)),
  };
};

/** A decimal amount string (`"100.0"`) in minor units, exactly, whatever its size: amounts are strings for a reason. */
export function minorUnits(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}

/** The stages of the correct receiver; `apiKey` is the Kopo Kopo API key, used as text. */
export function referenceStages(apiKey: string): Stages {
  const topics = known();
  return {
    signature(inc) {
      const sig = inc.headers.get(SIGNATURE_HEADER);
      if (sig === null || sig === '') return refuse(401, 'X-KopoKopo-Signature missing');
      if (!verifyKopokopo(inc.raw, sig, apiKey)) return refuse(401, 'X-KopoKopo-Signature does not match the body');
      return undefined;
    },
    contentType(inc) {
      const type = inc.headers.get('content-type');
      if (!type || type.split(';')[0].trim().toLowerCase() !== 'application/json') return refuse(415, 'expected Content-Type: application/json');
      return undefined;
    },
    parse(inc) {
      let body: unknown;
      try {
        body = JSON.parse(inc.raw.toString('utf8'));
      } catch {
        return refuse(400, 'the body is not valid JSON');
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return refuse(400, 'the body must be a JSON object');
      return { body: body as Body };
    },
    classify(body) {
      if (typeof body.topic === 'string' && typeof body.id === 'string' && body.event && typeof body.event === 'object')
        return { kind: 'webhook', topic: body.topic, key: `webhook:${body.id}`, createdAt: body.created_at as string | undefined, known: topics.webhooks.has(body.topic) };
      const data = body.data as { type?: unknown; id?: unknown } | null | undefined;
      if (data && typeof data === 'object' && typeof data.type === 'string' && typeof data.id === 'string')
        return { kind: 'callback', topic: data.type, key: `callback:${data.id}`, known: topics.callbacks.has(data.type) };
      if (typeof body.TransID === 'string') return { kind: 'daraja', topic: 'daraja', key: `daraja:${body.TransID}`, known: true };
      return refuse(400, 'not a Kopo Kopo webhook, Daraja payload or result callback');
    },
    deduplicate(n, state) {
      return state.answered.get(n.key);
    },
    process(n, body) {
      if (!n.known) return { status: 200, json: { status: 'ignored', topic: n.topic } };
      // Book what the delivery says; amounts stay exact (strings → minor units), names stay as sent.
      const amounts: bigint[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) {
            if ((k === 'amount' || k === 'TransAmount') && typeof x === 'string' && /^\d+(\.\d+)?$/.test(x)) amounts.push(minorUnits(x));
            else walk(x);
          }
      };
      walk(body);
      return { status: 200, json: { status: 'received', amounts: amounts.length } };
    },
  };
}

/** Runs a delivery through the stages: the first stage that answers ends it. */
export async function receive(stages: Stages, inc: Incoming, state: ReceiverState): Promise<Outgoing> {
  const early = (await stages.signature(inc)) ?? stages.contentType(inc);
  if (early) return early;
  const parsed = stages.parse(inc);
  if (!('body' in parsed)) return parsed;
  const n = stages.classify(parsed.body);
  if (!('key' in n)) return n;
  const again = stages.deduplicate(n, state);
  if (again) return again;
  const out = await stages.process(n, parsed.body);
  if (out.status >= 200 && out.status <= 299) {
    if (state.answered.size >= REMEMBERED) state.answered.delete(state.answered.keys().next().value!);
    state.answered.set(n.key, out);
  }
  return out;
}

/** The receiver as request handlers (`src/reference/handler.ts`): every `POST`, whatever its path (one URL for every topic, or one per topic). */
export function kopokopoHandlers(stages: Stages, state: ReceiverState = newReceiverState()): RequestHandler[] {
  return [
    http.post('*', async ({ request }) => {
      const inc: Incoming = { headers: request.headers, raw: Buffer.from(await request.arrayBuffer()) };
      const out = await receive(stages, inc, state);
      const text = out.text ?? (out.json !== undefined ? JSON.stringify(out.json) : '');
      const type: Record<string, string> = out.text === undefined && out.json !== undefined ? { 'content-type': 'application/json' } : {};
      return new Response(text.length > 0 ? text : null, { status: out.status, headers: { ...type, ...(out.headers ?? {}) } });
    }),
  ];
}

/** Fresh receiver state. */
export function newReceiverState(): ReceiverState {
  return { answered: new Map() };
}
