import { http, type RequestHandler } from '../handler.js';
import { defaultEventTypes } from '../../protocol/standard-webhooks/catalogue.js';
import { ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../protocol/standard-webhooks/signing.js';
import { verifySignatureHeader } from '../../protocol/standard-webhooks/verify.js';

/** A delivery as the receiver sees it: headers and the raw bytes, exactly as they came off the wire. */
export interface Incoming {
  headers: Headers;
  raw: Buffer;
}

/** What the receiver answers. */
export interface Outgoing {
  status: number;
  json?: unknown;
  /** Raw text instead of `json`. */
  text?: string;
}

/** The three headers, read. */
export interface Signed {
  id: string;
  timestamp: string;
  signature: string;
}

/** A parsed body: a JSON object with a string `type` (parse refuses anything else); the rest read by testing each member. */
export type Body = { type: string; [k: string]: unknown };

/** What the receiver remembers between deliveries: the answer to each `webhook-id` already processed (bounded). */
export interface ReceiverState {
  answered: Map<string, Outgoing>;
}

type Awaitable<T> = T | Promise<T>;

/**
 * The reference receiver as a pipeline of stages, each one rule of the standard. A stage answers an
 * {@link Outgoing} to stop the delivery, or lets it through. Mutants are this object with one stage replaced.
 */
export interface Stages {
  /** `webhook-id`, `webhook-timestamp` and `webhook-signature` are present; else 400. */
  headers(inc: Incoming): Signed | Outgoing;
  /** `webhook-timestamp` is unix seconds within {@link TOLERANCE_S} of the receiver's clock, either way; else 401. */
  timestamp(s: Signed, nowS: number): Outgoing | undefined;
  /** One `v1,` entry is the HMAC-SHA256 of `{id}.{timestamp}.{raw body}` (constant time); else 401. */
  signature(s: Signed, inc: Incoming): Awaitable<Outgoing | undefined>;
  /** The body is a JSON object with a `type`; else 400. */
  parse(inc: Incoming): { body: Body } | Outgoing;
  /** A `webhook-id` already answered gets the first answer again (the standard's idempotency key). */
  deduplicate(s: Signed, state: ReceiverState): Outgoing | undefined;
  /** The integrator's processing, then the acknowledgement; an unknown type is acknowledged and ignored. */
  process(body: Body, s: Signed): Awaitable<Outgoing>;
}

/** The reference's tolerance, as the standard's libraries: 5 minutes each way. */
export const TOLERANCE_S = 300;
const REMEMBERED = 10_000;

const refuse = (status: number, message: string): Outgoing => ({ status, json: { error: message } });

/** The stages of the correct receiver; `secret` is `whsec_` + base64. */
export function referenceStages(secret: string): Stages {
  const known = new Set(defaultEventTypes().map((t) => t.type));
  return {
    headers(inc) {
      const id = inc.headers.get(ID_HEADER);
      const timestamp = inc.headers.get(TIMESTAMP_HEADER);
      const signature = inc.headers.get(SIGNATURE_HEADER);
      if (!id || !timestamp || !signature) return refuse(400, 'missing webhook-id, webhook-timestamp or webhook-signature');
      return { id, timestamp, signature };
    },
    timestamp(s, nowS) {
      if (!/^\d{1,12}$/.test(s.timestamp)) return refuse(400, 'webhook-timestamp is not unix seconds');
      if (Math.abs(nowS - Number(s.timestamp)) > TOLERANCE_S) return refuse(401, 'webhook-timestamp outside the tolerance');
      return undefined;
    },
    signature(s, inc) {
      if (!verifySignatureHeader({ id: s.id, timestamp: s.timestamp, body: inc.raw }, s.signature, secret)) return refuse(401, 'no valid signature');
      return undefined;
    },
    parse(inc) {
      let body: unknown;
      try {
        body = JSON.parse(inc.raw.toString('utf8'));
      } catch {
        return refuse(400, 'the body is not valid JSON');
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body) || typeof (body as Body).type !== 'string') return refuse(400, 'expected a JSON object with a type');
      return { body: body as Body };
    },
    deduplicate(s, state) {
      return state.answered.get(s.id);
    },
    process(body) {
      if (!known.has(body.type)) return { status: 200, json: { status: 'ignored', type: body.type } };
      return { status: 200, json: { status: 'received', type: body.type } };
    },
  };
}

/** Runs a delivery through the stages: the first stage that answers ends it. */
export async function receive(stages: Stages, inc: Incoming, state: ReceiverState, nowS = Math.floor(Date.now() / 1000)): Promise<Outgoing> {
  const s = stages.headers(inc);
  if ('status' in s) return s;
  const early = stages.timestamp(s, nowS) ?? (await stages.signature(s, inc));
  if (early) return early;
  const parsed = stages.parse(inc);
  if (!('body' in parsed)) return parsed;
  const again = stages.deduplicate(s, state);
  if (again) return again;
  const out = await stages.process(parsed.body, s);
  if (out.status >= 200 && out.status <= 299) {
    if (state.answered.size >= REMEMBERED) state.answered.delete(state.answered.keys().next().value!);
    state.answered.set(s.id, out);
  }
  return out;
}

/** The receiver as request handlers: every `POST`, whatever its path. */
export function swHandlers(stages: Stages, state: ReceiverState = newReceiverState()): RequestHandler[] {
  return [
    http.post('*', async ({ request }) => {
      const out = await receive(stages, { headers: request.headers, raw: Buffer.from(await request.arrayBuffer()) }, state);
      const text = out.text ?? (out.json !== undefined ? JSON.stringify(out.json) : '');
      const type: Record<string, string> = out.text === undefined && out.json !== undefined ? { 'content-type': 'application/json' } : {};
      return new Response(text.length > 0 ? text : null, { status: out.status, headers: type });
    }),
  ];
}

/** Fresh receiver state. */
export function newReceiverState(): ReceiverState {
  return { answered: new Map() };
}
