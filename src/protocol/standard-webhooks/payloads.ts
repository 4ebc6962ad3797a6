import fc from 'fast-check';
import type { StandardWebhooksPayload } from '../../generated/standard-webhooks/envelope.js';
import { compileArbitrary, type SchemaArbitraryOptions } from '../../schema/arbitrary/index.js';
import type { SchemaRegistry } from '../../schema/registry.js';
import type { CorpusHints, JsonObject } from '../corpus/types.js';
import type { SwEventType } from './catalogue.js';

/** A Standard Webhooks payload: `{type, timestamp, data}` (plus what a future sender adds); `standard-webhooks/envelope.schema.json`. */
export type SwPayload = StandardWebhooksPayload;

/** How generated payloads look. */
export interface PayloadShape {
  /** Free-form texts from the whole of unicode. @defaultValue false */
  unicode?: boolean;
  /** One to three unknown extra fields in every object of `data`, and one beside `type` (forward compatibility). @defaultValue false */
  extraProperties?: boolean;
}

/** When generated events occurred: a fixed window, so that the seed alone decides the bytes. */
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2026, 11, 31);

/**
 * Generated payloads of `type`: the envelope around `data` drawn from the type's schema (a default type's `$id`
 * in the registry, or the integrator's schema object, whose `$ref`s may reach the package's schemas).
 */
export function payloadArbitrary(schemas: SchemaRegistry, type: SwEventType, shape: PayloadShape = {}): fc.Arbitrary<SwPayload> {
  let perRegistry = cache.get(schemas);
  if (!perRegistry) cache.set(schemas, (perRegistry = new Map()));
  const key = JSON.stringify([type.type, type.schema, shape]);
  let arb = perRegistry.get(key);
  if (!arb) perRegistry.set(key, (arb = build(schemas, type, shape)));
  return arb;
}

const cache = new WeakMap<SchemaRegistry, Map<string, fc.Arbitrary<SwPayload>>>();

function build(schemas: SchemaRegistry, type: SwEventType, shape: PayloadShape): fc.Arbitrary<SwPayload> {
  const opts: SchemaArbitraryOptions = { unicode: shape.unicode ?? false, extraProperties: shape.extraProperties ?? false, optionalProbability: 0.5 };
  const schema = typeof type.schema === 'string' ? schemas.id(type.schema) : type.schema;
  const data = compileArbitrary(schema, (id) => schemas.get(id), opts) as fc.Arbitrary<SwPayload['data']>;
  const when = fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z'));
  const extra = shape.extraProperties ? fc.record({ hookcert_version: fc.constantFrom('2', '2.1', 'next'), hookcert_meta: fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.integer(), { maxKeys: 2 }) }) : fc.constant({});
  return fc.tuple(data, when, extra).map(([d, timestamp, more]) => ({ type: type.type, timestamp, data: d, ...more }));
}

/**
 * What the raw-body corpus may do with a payload: `data` is the integrator's, so numbers stay as they are and
 * extra members go at the top (receivers tolerate unknown fields: SW-ROB-001); free text goes into a new member.
 */
export const SW_CORPUS: CorpusHints = {
  decimalKeys: new Set(),
  withText: (v: JsonObject, text: string) => ({ ...v, hookcert_note: text }),
  extraMembers: true,
};
