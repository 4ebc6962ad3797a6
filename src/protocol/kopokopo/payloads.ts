import fc from 'fast-check';
import type { KopoKopoIncomingPaymentCallback } from '../../generated/kopokopo/callbacks/incoming_payment.js';
import type { KopoKopoPayCallback } from '../../generated/kopokopo/callbacks/pay.js';
import type { KopoKopoPaymentLinkCallback } from '../../generated/kopokopo/callbacks/payment_link.js';
import type { KopoKopoPollingCallback } from '../../generated/kopokopo/callbacks/polling.js';
import type { KopoKopoReversalCallback } from '../../generated/kopokopo/callbacks/reversal.js';
import type { KopoKopoSendMoneyCallback } from '../../generated/kopokopo/callbacks/send_money.js';
import type { KopoKopoSettlementTransferCallback } from '../../generated/kopokopo/callbacks/settlement_transfer.js';
import type { KopoKopoSMSNotificationCallback } from '../../generated/kopokopo/callbacks/sms_notification.js';
import type { KopoKopoDarajaPayload } from '../../generated/kopokopo/daraja.js';
import type { KopoKopoWebhook } from '../../generated/kopokopo/webhook.js';
import { compileArbitrary, type SchemaArbitraryOptions } from '../../schema/arbitrary/index.js';
import type { SchemaRegistry } from '../../schema/registry.js';
import type { KopokopoTopic } from './catalogue.js';

/**
 * A webhook as Kopo Kopo delivers it: the envelope every topic shares (`kopokopo/webhook.schema.json`; each
 * topic's own type is in src/generated/kopokopo/webhooks).
 */
export type KopokopoWebhookPayload = KopoKopoWebhook;

/** A result callback (`kopokopo/callbacks/*.schema.json`), one of the callbacks Kopo Kopo sends. */
export type KopokopoCallbackPayload =
  | KopoKopoIncomingPaymentCallback
  | KopoKopoPayCallback
  | KopoKopoPaymentLinkCallback
  | KopoKopoPollingCallback
  | KopoKopoReversalCallback
  | KopoKopoSendMoneyCallback
  | KopoKopoSettlementTransferCallback
  | KopoKopoSMSNotificationCallback;

/** The flat Daraja payload (`kopokopo/daraja.schema.json`), for subscriptions with `enable_daraja_payload`. */
export type KopokopoDarajaPayload = KopoKopoDarajaPayload;

/** A body Kopo Kopo delivers, as JSON: a webhook envelope, a flat Daraja object or a result callback. */
export type KopokopoPayload = KopokopoWebhookPayload | KopokopoDarajaPayload | KopokopoCallbackPayload;

/** Whether `p` is a webhook envelope (`topic`, `event`, `_links`). */
export function isWebhook(p: KopokopoPayload): p is KopokopoWebhookPayload {
  return 'topic' in p && 'event' in p && '_links' in p;
}

/** Whether `p` is a result callback (`data`). */
export function isCallback(p: KopokopoPayload): p is KopokopoCallbackPayload {
  return 'data' in p;
}

/** Whether `p` is a flat Daraja payload (`TransID`, `BusinessShortCode`…). */
export function isDaraja(p: KopokopoPayload): p is KopokopoDarajaPayload {
  return 'TransID' in p;
}

/** How generated payloads look. */
export interface PayloadShape {
  /** Free-form texts (names, notes) from the whole of unicode. @defaultValue false */
  unicode?: boolean;
  /** One to three unknown extra fields in every object (forward compatibility). @defaultValue false */
  extraProperties?: boolean;
  /** Probability that an optional field is present. @defaultValue 0.5 */
  optionalProbability?: number;
  /** Draw from this variant schema only (incoming_payment: success or failure). @defaultValue every variant */
  variant?: string;
}

/** Where links in generated payloads point: the vendor's sandbox, as in every vendor example. */
const VENDOR = 'https://sandbox.kopokopo.com';

/**
 * Generated payloads of `topic`, valid against its schema and made consistent the way Kopo Kopo sends them:
 * a webhook's `_links.self` names its own event id, a callback's `_links.callback_url` is the URL it is
 * delivered to (`url`) and its `_links.self` names its own request id.
 */
export function payloadArbitrary(schemas: SchemaRegistry, topic: KopokopoTopic, url: string, shape: PayloadShape = {}): fc.Arbitrary<KopokopoPayload> {
  let perRegistry = cache.get(schemas);
  if (!perRegistry) cache.set(schemas, (perRegistry = new Map()));
  const key = JSON.stringify([topic.name, url, shape]);
  let arb = perRegistry.get(key);
  if (!arb) perRegistry.set(key, (arb = build(schemas, topic, url, shape)));
  return arb;
}

const cache = new WeakMap<SchemaRegistry, Map<string, fc.Arbitrary<KopokopoPayload>>>();

function build(schemas: SchemaRegistry, topic: KopokopoTopic, url: string, shape: PayloadShape): fc.Arbitrary<KopokopoPayload> {
  const opts: SchemaArbitraryOptions = {
    unicode: shape.unicode ?? false,
    extraProperties: shape.extraProperties ?? false,
    optionalProbability: shape.optionalProbability ?? 0.5,
  };
  const variants = shape.variant ? [shape.variant] : topic.variants;
  for (const v of variants) if (!topic.variants.includes(v)) throw new Error(`hookcert: ${v} is not a variant of ${topic.name}`);
  const arbs = variants.map((v) => compileArbitrary(schemas.id(v), (id) => schemas.get(id), opts) as fc.Arbitrary<KopokopoPayload>);
  const any = arbs.length === 1 ? arbs[0] : fc.oneof(...arbs);
  return any.map((p) => consistent(topic, p, url));
}

function consistent(topic: KopokopoTopic, generated: KopokopoPayload, url: string): KopokopoPayload {
  const p = structuredClone(generated);
  if (topic.kind === 'webhook') {
    const w = p as KopokopoWebhookPayload;
    w._links.self = `${VENDOR}/webhook_events/${w.id}`;
  }
  if (topic.kind === 'callback') {
    const c = p as KopokopoCallbackPayload;
    const links = c.data.attributes._links;
    links.callback_url = url;
    links.self = `${VENDOR}/api/v1/${topic.topic}/${c.data.id}`;
  }
  return p;
}

/**
 * The id a receiver de-duplicates on: the webhook event `id`, the callback's `data.id`, the Daraja `TransID`
 * ("processing must be idempotent", spec README).
 */
export function idOf(topic: KopokopoTopic, p: KopokopoPayload): string {
  if (topic.kind === 'webhook') return String((p as KopokopoWebhookPayload).id);
  if (topic.kind === 'callback') return String((p as Partial<KopokopoCallbackPayload>).data?.id);
  return String((p as KopokopoDarajaPayload).TransID);
}

/** Names of the fields that carry a money amount as a decimal string. */
const AMOUNT_FIELDS = new Set(['amount', 'TransAmount']);

/**
 * `p` (a copy) with every money amount written as a decimal string (`"100.0"`) replaced by `amount`: the
 * vendor writes amounts as strings, so a large one must not overflow a receiver's number type.
 */
export function withAmounts<T extends object>(p: T, amount: string): T {
  const out = structuredClone(p);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (AMOUNT_FIELDS.has(k) && typeof x === 'string' && /^\d+(\.\d+)?$/.test(x)) (v as Record<string, unknown>)[k] = amount;
        else walk(x);
      }
  };
  walk(out);
  return out;
}

/**
 * `p` (a copy) with its first person or account name (a string field whose name contains `name`) set to
 * `text`; when it has none, `text` goes into an extra top-level field `hookcert_text`.
 */
export function withName<T extends object>(p: T, text: string): T {
  const out = structuredClone(p);
  const visit = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(visit);
    if (!v || typeof v !== 'object') return false;
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      if (/name/i.test(k) && typeof x === 'string') {
        o[k] = text;
        return true;
      }
    }
    return Object.values(o).some(visit);
  };
  if (!visit(out)) (out as Record<string, unknown>).hookcert_text = text;
  return out;
}
