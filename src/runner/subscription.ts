import type { Secret } from '../secret.js';
import type { IntegratorCatalogue } from './catalogue.js';
import type { ProfileName } from './types.js';

/** A scanCode trigger of the subscription: which codes the POS forwards (seed 000, "Code triggers"). */
export interface CodeTrigger {
  codeType: 'barcode' | 'rfid' | 'qrcode';
  /** A regular expression the scanned code matches. */
  pattern: string;
  /** When true, codes matching the pattern are not forwarded (WSDL `WebhookConsumer.reject`). */
  reject?: boolean;
}

/** One subscribed event, as the vendor's subscription form configures it. */
export interface EventConfig {
  name: string;
  /** Whether the POS waits for the reply (`event.eventBlocking`). */
  blocking: boolean;
  /** Whether the POS re-sends until `polling.finished` (`event.eventPolling`). */
  polling: boolean;
  /**
   * Whether the user said `polling` for this event (the config file). When not, hookcert probes one event with
   * `eventPolling: true` and certifies polling on it if the endpoint answers with a polling object.
   */
  pollingConfigured?: boolean;
  /** The reply budget for this event, in milliseconds. */
  budgetMs: number;
  /** For scanCode: the code triggers; empty means every code. */
  triggers: CodeTrigger[];
}

/** What a profile knows about its events or topics: names and default settings. */
export interface EventCatalogue {
  names(): string[];
  defaults(name: string): Omit<EventConfig, 'name'>;
}

/** What is being certified: an endpoint, its secret, and the events it subscribed to. */
export interface Subscription {
  profile: ProfileName;
  /** The endpoint URL; for mplus a base URL, the event name is appended. */
  url: string;
  /**
   * The subscription id the endpoint expects (`X-Mplus-Subscription-Id`). When the user did not say, hookcert
   * sends `hookcert` and skips the checks that need to know which ids are valid.
   */
  subscriptionId: string;
  subscriptionIdKnown: boolean;
  secret: Secret;
  /** How the secret becomes the HMAC key: base64-decoded (the default) or its UTF-8 text. */
  secretEncoding: 'base64' | 'utf8';
  events: EventConfig[];
  /** kopokopo: a URL per topic, overriding `url`. */
  topicUrls: Record<string, string>;
  /** standard-webhooks: the integrator's event types → the JSON Schema of their `data` (`eventTypes`); absent: the defaults. */
  eventTypes?: Record<string, Record<string, unknown>>;
  /** mplus: the integrator's catalogue (`catalogue` in the config file); absent: none given. */
  catalogue?: IntegratorCatalogue;
}

/**
 * The `appliesTo` of a check that needs every one of `names` subscribed; it is skipped otherwise, with the
 * reason in words (`startExternalPayment and pollExternalPayment are not both subscribed`).
 */
export function whenSubscribed(...names: string[]): (sub: Subscription) => true | string {
  const listed = names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are`;
  const reason = `${listed} not ${names.length === 1 ? '' : names.length === 2 ? 'both ' : 'all '}subscribed`;
  return (sub) => names.every((n) => sub.events.some((e) => e.name === n)) || reason;
}

/** The `appliesTo` of a check that needs any one of `names` subscribed, skipped with `reason` otherwise. */
export function whenAnySubscribed(names: readonly string[], reason: string): (sub: Subscription) => true | string {
  return (sub) => sub.events.some((e) => names.includes(e.name)) || reason;
}
