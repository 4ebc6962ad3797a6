import { http, type RequestHandler } from '../handler.js';
import { signMplus, verifyMplus } from '../../protocol/signature.js';
import { replyFor, type ReplyState } from './replies.js';
import type { Body, Incoming, Outgoing } from './wire.js';

/** How the reference receiver is set up: the secret it shares with the POS and the ids it accepts. */
export interface MplusReceiverOptions {
  secret: string;
  secretEncoding: 'base64' | 'utf8';
  /** Subscription ids accepted; empty accepts any non-empty id. */
  subscriptionIds: string[];
}

export type { Body, Incoming, Outgoing } from './wire.js';

/**
 * The reference receiver as a pipeline of stages, each one rule of the spec. A stage answers an
 * {@link Outgoing} to stop the request (an error reply) or `undefined` to let it through. Mutants are this
 * object with exactly one stage replaced.
 */
export interface Stages {
  /** `NO_CONTENT_TYPE` / `INVALID_CONTENT_TYPE`. */
  contentType(inc: Incoming): Outgoing | undefined;
  /** `NO_SUBSCRIPTION_ID` / `INVALID_SUBSCRIPTION_ID`. */
  subscription(inc: Incoming): Outgoing | undefined;
  /** `NO_SIGNATURE` / `INVALID_SIGNATURE`: HMAC over the raw bytes, constant time. */
  signature(inc: Incoming): Outgoing | undefined;
  /** `INVALID_JSON`. */
  parse(inc: Incoming): { body: Body } | Outgoing;
  /** `NO_EVENT_DETAILS`, `NO_SCANNED_CODE`, `INVALID_DATA`: only what the receiver relies on. */
  validate(event: string, body: Body): Outgoing | undefined;
  /** The reply to a valid event. */
  reply(event: string, body: Body, state: ReplyState): Promise<Outgoing>;
  /** The POS's error request (`error` + `original`): acknowledged. */
  posError(event: string, body: Body): Outgoing;
  /** Serialises the reply (empty body for none). */
  serialize(out: Outgoing): string;
  /** The headers of a reply body: JSON content type and `X-Mplus-Signature` over its exact bytes. */
  sign(text: string): Record<string, string>;
}

/** The codes this receiver answers with, from the vendor's list (spec README, "Error codes"). */
export const fail = (code: string, message: string): Outgoing => ({ status: 400, reply: { error: { code, message } } });

/** The stages of the correct receiver. */
export function referenceStages(opts: MplusReceiverOptions): Stages {
  return {
    contentType(inc) {
      const type = inc.headers.get('content-type');
      if (!type) return fail('NO_CONTENT_TYPE', 'Content-Type header missing');
      if (type.split(';')[0].trim().toLowerCase() !== 'application/json') return fail('INVALID_CONTENT_TYPE', 'expected application/json');
      return undefined;
    },
    subscription(inc) {
      const id = inc.headers.get('x-mplus-subscription-id');
      if (!id) return fail('NO_SUBSCRIPTION_ID', 'X-Mplus-Subscription-Id header missing');
      if (opts.subscriptionIds.length > 0 && !opts.subscriptionIds.includes(id)) return fail('INVALID_SUBSCRIPTION_ID', 'unknown subscription');
      return undefined;
    },
    signature(inc) {
      const sig = inc.headers.get('x-mplus-signature');
      if (!sig) return fail('NO_SIGNATURE', 'X-Mplus-Signature header missing');
      if (!verifyMplus(inc.raw, sig, opts.secret, opts.secretEncoding)) return fail('INVALID_SIGNATURE', 'signature does not match the body');
      return undefined;
    },
    parse(inc) {
      try {
        const body = JSON.parse(inc.raw.toString('utf8')) as unknown;
        if (body === null || typeof body !== 'object' || Array.isArray(body)) return fail('INVALID_DATA', 'the body must be a JSON object');
        return { body: body as Body };
      } catch {
        return fail('INVALID_JSON', 'the body is not valid JSON');
      }
    },
    validate(event, body) {
      if (body.error && body.original) return undefined;
      const e = body.event;
      if (!e || typeof e !== 'object') return fail('NO_EVENT_DETAILS', 'the event object is missing');
      if (typeof e.eventCounter !== 'number' || typeof e.eventBlocking !== 'boolean') return fail('INVALID_DATA', 'event.eventCounter / eventBlocking missing or mistyped');
      if (!body.sender || typeof body.sender !== 'object') return fail('INVALID_DATA', 'the sender object is missing');
      if (event === 'scanCode' && typeof body.scanCode?.scannedCode !== 'string') return fail('NO_SCANNED_CODE', 'scanCode.scannedCode missing');
      if (body.session !== undefined && (typeof body.session !== 'object' || body.session === null || typeof body.session.sessionId !== 'string'))
        return fail('INVALID_DATA', 'session.sessionId missing');
      if (body.session?.lines !== undefined && !Array.isArray(body.session.lines)) return fail('INVALID_DATA', 'session.lines must be an array');
      return undefined;
    },
    reply: replyFor,
    posError() {
      return { status: 200 };
    },
    serialize(out) {
      return out.text ?? (out.reply ? JSON.stringify(out.reply) : '');
    },
    sign(text): Record<string, string> {
      if (text.length === 0) return {};
      return { 'content-type': 'application/json; charset=utf-8', 'x-mplus-signature': signMplus(Buffer.from(text, 'utf8'), opts.secret, opts.secretEncoding) };
    },
  };
}

/** Runs a request through the stages: the first stage that answers ends it. */
export async function receive(stages: Stages, inc: Incoming, state: ReplyState): Promise<Outgoing> {
  const early = stages.contentType(inc) ?? stages.subscription(inc) ?? stages.signature(inc);
  if (early) return early;
  const parsed = stages.parse(inc);
  if (!('body' in parsed)) return parsed;
  const invalid = stages.validate(inc.event, parsed.body);
  if (invalid) return invalid;
  if (parsed.body.error && parsed.body.original) return stages.posError(inc.event, parsed.body);
  return stages.reply(inc.event, parsed.body, state);
}

/** The receiver as request handlers (`src/reference/handler.ts`): `POST {base}/{event}`. */
export function mplusHandlers(stages: Stages, state: ReplyState = newReplyState()): RequestHandler[] {
  return [
    http.post('*/:event', async ({ request, params }) => {
      const inc: Incoming = { event: String(params.event), headers: request.headers, raw: Buffer.from(await request.arrayBuffer()) };
      const out = await receive(stages, inc, state);
      const text = stages.serialize(out);
      return new Response(text.length > 0 ? text : null, { status: out.status, headers: { ...stages.sign(text), ...(out.headers ?? {}) } });
    }),
  ];
}

/** Fresh receiver state (idempotency memory, toggles, polling rounds, external payments). */
export function newReplyState(): ReplyState {
  return { seen: new Map(), toggles: new Map(), polls: new Map(), payments: new Map() };
}
