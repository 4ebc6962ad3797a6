import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemasDir } from '../../paths.js';

/** What a delivery's body is: a webhook envelope, the flat Daraja object, or a result callback. */
export type TopicKind = 'webhook' | 'daraja' | 'callback';

/**
 * One deliverable of `schemas/kopokopo/topics.json`, under the name hookcert knows it by. Webhook topics keep
 * their topic (`buygoods_transaction_received`); the Daraja form of a topic is `daraja_<topic>` and a result
 * callback `callback_<data.type>`, so that every name is unique across kinds (the catalogue repeats
 * `buygoods_transaction_received` as webhook and as Daraja payload).
 */
export interface KopokopoTopic {
  /** The name in `--events`, the config file (`events`, `topics`), labels and reports. */
  name: string;
  kind: TopicKind;
  /** The wire name: `topic` of a webhook, `data.type` of a callback, the subscribed topic of a Daraja payload. */
  topic: string;
  /** The schema of the body (below `schemas/`). */
  schema: string;
  /**
   * The schemas a body is drawn from, one per shape the vendor sends: the `oneOf` branches of `schema`
   * (incoming_payment: success and failure), else `schema` alone.
   */
  variants: string[];
  /** `event.type` of a webhook, `data.attributes.event.type` of a callback, `null` when there is none. */
  eventType: string | null;
  /** Default reply budget (ms): the suite's own, Kopo Kopo publishes none. */
  budgetMs: number;
}

interface RawEntry {
  name: string;
  kind: TopicKind;
  schema: string;
  eventType: string | null;
  budgetMs: number;
}

/** The name hookcert gives an entry of `topics.json`. */
export function topicName(kind: TopicKind, wire: string): string {
  return kind === 'webhook' ? wire : `${kind}_${wire}`;
}

/** The Kopo Kopo topic catalogue. */
export class KopokopoCatalogue {
  readonly topics: ReadonlyMap<string, KopokopoTopic>;

  constructor(raw: { topics: RawEntry[] }, schemaOf: (path: string) => { oneOf?: Array<{ $ref?: string }> }) {
    this.topics = new Map(
      raw.topics.map((e) => {
        const name = topicName(e.kind, e.name);
        const branches = schemaOf(e.schema).oneOf?.map((b) => b.$ref).filter((r): r is string => typeof r === 'string');
        const dir = e.schema.slice(0, e.schema.lastIndexOf('/') + 1);
        const variants = branches && branches.length > 0 ? branches.map((r) => dir + r) : [e.schema];
        return [name, { name, kind: e.kind, topic: e.name, schema: e.schema, variants, eventType: e.eventType, budgetMs: e.budgetMs }];
      }),
    );
  }

  /** Every name, in catalogue order: webhooks, Daraja payloads, callbacks. */
  names(): string[] {
    return [...this.topics.keys()];
  }

  /** The entry of `name`; throws for an unknown name. */
  get(name: string): KopokopoTopic {
    const t = this.topics.get(name);
    if (!t) throw new Error(`hookcert: ${name} is not a Kopo Kopo topic or callback (see schemas/kopokopo/topics.json)`);
    return t;
  }

  has(name: string): boolean {
    return this.topics.has(name);
  }
}

let shared: KopokopoCatalogue | undefined;
/** The catalogue shipped in `schemas/kopokopo/topics.json`. */
export function kopokopoCatalogue(): KopokopoCatalogue {
  const read = (path: string) => JSON.parse(readFileSync(join(schemasDir, path), 'utf8'));
  shared ??= new KopokopoCatalogue(read(join('kopokopo', 'topics.json')), (schema) => read(schema));
  return shared;
}
