import fc from 'fast-check';
import type { IntegratorCatalogue } from '../../runner/catalogue.js';
import type { EventConfig } from '../../runner/subscription.js';
import { compileArbitrary, type SchemaArbitraryOptions } from '../../schema/arbitrary/index.js';
import type { SchemaRegistry } from '../../schema/registry.js';
import type { CatalogueEvent } from './catalogue.js';
import { toAgreed } from './readings.js';
import type { MplusRequest } from '../../generated/mplus/request.js';
import { catalogueExamples, forwarded, scannedCodes, VOCABULARY_SCHEMAS } from './vocabulary.js';

/** The whole-request schema (seed 002, "Request objects"). */
export const REQUEST_SCHEMA = 'mplus/request.schema.json';

/** A request body of the MplusKASSA POS: the generated type of `schemas/mplus/request.schema.json`. */
export type { MplusRequest } from '../../generated/mplus/request.js';

/** How generated requests look. */
export interface RequestShape {
  /** Unicode text in every string. @defaultValue false */
  unicode?: boolean;
  /** Bounds on `session.lines`. @defaultValue 0..8 */
  lines?: { min: number; max: number };
  /** Unknown extra properties in objects (forward-compatibility). @defaultValue false */
  extraProperties?: boolean;
  /** Probability that an optional property is present. @defaultValue 0.5 */
  optionalProbability?: number;
  /**
   * Probability that a schema with `examples` (the spec's vocabulary: "Coffee", "Tour Ticket (Adult)", barcode
   * 8712345678901, relation 54, CONTANT…) takes one of them instead of a generated value.
   * @defaultValue {@link VOCABULARY_PROBABILITY}; 0 with `unicode` (that request is about unicode in every string)
   */
  examples?: number;
  /**
   * `agreed`: where the spec leaves a request's form open, only the form every reading accepts
   * (src/protocol/mplus/readings.ts); `any`: every form the schemas allow. @defaultValue 'agreed'
   */
  forms?: 'agreed' | 'any';
  /**
   * `event.eventPolling` whatever the subscription says (for events whose catalogue entry lets polling be
   * chosen): the polling probe, and the polling checks on an event the probe found polling.
   */
  polling?: boolean;
}

/**
 * How often generation takes the spec's own example values (the schemas' `examples`, see README "The spec's
 * vocabulary"): a receiver written from the vendor's examples reacts to them, random values almost never hit it.
 */
export const VOCABULARY_PROBABILITY = 0.2;

/** The parts of a request that identify the sending workplace; the simulator fills them in. */
export interface Identity {
  branchNumber: number;
  workplaceNumber: number;
  instanceId: string;
  eventCounter: number;
  eventTimestamp: string;
}

/**
 * Generates internally consistent requests for `event` (issue "The spec as data", request builders):
 * the objects the catalogue says it carries, generated from their schemas, then made to agree with each
 * other and with the subscription (`eventBlocking`/`eventPolling`, the added line is in `session.lines`,
 * line ids are unique, a merge names another session, scanned codes match the code triggers).
 * The identity (workplace, counter, timestamp) is left for the simulator: {@link withIdentity}.
 */
export function requestArbitrary(
  schemas: SchemaRegistry,
  event: CatalogueEvent,
  config: Pick<EventConfig, 'blocking' | 'polling' | 'triggers'>,
  shape: RequestShape = {},
  catalogue?: IntegratorCatalogue,
): fc.Arbitrary<MplusRequest> {
  // Compiling is the costly part; arbitraries are immutable, so one per (registry, event, config, shape, catalogue) serves all.
  let perRegistry = cache.get(schemas);
  if (!perRegistry) cache.set(schemas, (perRegistry = new Map()));
  const key = JSON.stringify([event.name, config.blocking, config.polling, config.triggers, shape, catalogue ? catalogueKey(catalogue) : 0]);
  let arb = perRegistry.get(key);
  if (!arb) perRegistry.set(key, (arb = buildRequestArbitrary(schemas, event, config, shape, catalogue)));
  return arb;
}

const cache = new WeakMap<SchemaRegistry, Map<string, fc.Arbitrary<MplusRequest>>>();
const catalogueKeys = new WeakMap<IntegratorCatalogue, number>();
function catalogueKey(c: IntegratorCatalogue): number {
  let k = catalogueKeys.get(c);
  if (k === undefined) catalogueKeys.set(c, (k = ++catalogueCount));
  return k;
}
let catalogueCount = 0;

function buildRequestArbitrary(
  schemas: SchemaRegistry,
  event: CatalogueEvent,
  config: Pick<EventConfig, 'blocking' | 'polling' | 'triggers'>,
  shape: RequestShape,
  catalogue: IntegratorCatalogue | undefined,
): fc.Arbitrary<MplusRequest> {
  const examples = shape.examples ?? (shape.unicode ? 0 : VOCABULARY_PROBABILITY);
  const opts: SchemaArbitraryOptions = {
    unicode: shape.unicode ?? false,
    extraProperties: shape.extraProperties ?? false,
    optionalProbability: shape.optionalProbability ?? 0.5,
    examples,
    ...(examples > 0 && catalogue ? { extraExamples: catalogueExamples(catalogue) } : {}),
  };
  const part = (name: string) => objectArbitrary(schemas, name, opts);
  const parts: Record<string, fc.Arbitrary<unknown>> = { sender: part('sender') };
  if (event.session === 'required')
    parts.session = objectArbitrary(schemas, 'session', { ...opts, sizes: { '/lines': { minItems: shape.lines?.min ?? 0, maxItems: shape.lines?.max ?? 8 } } });
  for (const name of event.requestObjects) parts[name] = part(name);
  for (const name of event.optionalRequestObjects) parts[name] = fc.option(part(name), { nil: undefined });
  if (event.name === 'scanCode') parts.scanCode = scanCodeArbitrary(schemas, part('scanCode'), config.triggers, catalogue, examples);
  const polled = shape.polling === undefined ? config : { ...config, polling: shape.polling };
  // `session.lines` is optional, so it is absent (then []) half the time: a shape asking for lines insists.
  const min = shape.lines?.min ?? 0;
  const records = event.session === 'required' && min > 0 ? fc.record(parts).filter((p) => ((p.session as { lines?: unknown[] }).lines?.length ?? 0) >= min) : fc.record(parts);
  const requests = records.map((p) => consistent(p, event, polled));
  return shape.forms === 'any' ? requests : requests.map((r) => toAgreed(r, event, config));
}

/**
 * The arbitrary of one request object, through the `$ref` of the whole-request schema. Compiled once per
 * (registry, object, options): every event carries `sender` and most carry `session`, and compiling (fast-check
 * builds its string slices for every `pattern`) costs far more than drawing a value.
 */
function objectArbitrary(schemas: SchemaRegistry, name: string, opts: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  let perRegistry = objectCache.get(schemas);
  if (!perRegistry) objectCache.set(schemas, (perRegistry = new Map()));
  const key = JSON.stringify([name, opts]);
  let arb = perRegistry.get(key);
  if (!arb) perRegistry.set(key, (arb = compileObjectArbitrary(schemas, name, opts)));
  return arb;
}

const objectCache = new WeakMap<SchemaRegistry, Map<string, fc.Arbitrary<unknown>>>();

function compileObjectArbitrary(schemas: SchemaRegistry, name: string, opts: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const whole = schemas.get(REQUEST_SCHEMA) as { $id: string; properties?: Record<string, unknown> };
  if (!whole.properties?.[name]) throw new Error(`hookcert: ${REQUEST_SCHEMA} has no request object ${name}`);
  return compileArbitrary({ $ref: `${whole.$id}#/properties/${name}` }, (id) => schemas.get(id), opts);
}

/**
 * With code triggers, only codes the POS forwards: generated from the triggers' patterns, or (with the
 * vocabulary's probability) a code of the catalogue or of the spec's examples that a trigger forwards.
 */
function scanCodeArbitrary(
  schemas: SchemaRegistry,
  generic: fc.Arbitrary<unknown>,
  triggers: EventConfig['triggers'],
  catalogue: IntegratorCatalogue | undefined,
  examples: number,
): fc.Arbitrary<unknown> {
  const forwarding = triggers.filter((t) => !t.reject);
  if (forwarding.length === 0) return generic;
  const matching = fc.oneof(
    ...forwarding.map((t) =>
      fc.stringMatching(new RegExp(t.pattern)).map((scannedCode) => ({ scannedCode, codeType: t.codeType })),
    ),
  );
  const spec = ((schemas.get(VOCABULARY_SCHEMAS.scanCode) as { examples?: Array<{ scannedCode: string; codeType: 'barcode' }> }).examples ?? []).map((e) => ({ code: e.scannedCode, codeType: e.codeType }));
  const known = [...(catalogue ? scannedCodes(catalogue) : []), ...spec].filter((c) => forwarded(triggers, c)).map((c) => ({ scannedCode: c.code, codeType: c.codeType }));
  const weight = Math.round(examples * 1000);
  if (known.length === 0 || weight === 0) return matching;
  if (weight === 1000) return fc.constantFrom(...known);
  return fc.oneof({ arbitrary: matching, weight: 1000 - weight }, { arbitrary: fc.constantFrom(...known), weight });
}

function consistent(parts: Record<string, unknown>, event: CatalogueEvent, config: Pick<EventConfig, 'blocking' | 'polling'>): MplusRequest {
  const blocking = event.blocking === 'always' ? true : event.blocking === 'never' ? false : config.blocking;
  const polling = event.polling === 'always' ? true : event.polling === 'never' ? false : config.polling;
  const objects: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parts)) if (v !== undefined) objects[k] = structuredClone(v);
  // The parts are drawn from the very schemas src/generated is generated from: the one cast from data to its type.
  const req = { event: { eventBlocking: blocking, eventPolling: polling, eventCounter: 0, eventTimestamp: '' }, ...objects } as unknown as MplusRequest;
  const session = req.session;
  if (session) {
    session.lines = uniqueLineIds(session.lines ?? []);
    const added = req.addSessionLine?.line;
    if (added) {
      // The added line is part of the session (seed 002: the session holds the session's lines).
      session.lines = session.lines.filter((l) => l.lineId !== added.lineId);
      session.lines.push(structuredClone(added));
    }
    const removed = req.removeSessionLine?.line;
    if (removed) session.lines = session.lines.filter((l) => l.lineId !== removed.lineId);
    const merge = req.mergeSession;
    if (merge && merge.mergeWithSessionId === session.sessionId) merge.mergeWithSessionId = flipUuid(session.sessionId);
    const select = req.selectRelation;
    if (select) {
      if (select.relation) session.relation = structuredClone(select.relation);
      else delete session.relation;
    }
  }
  return req;
}

/** Line ids are unique within a session; shrinking can make generated ones collide, so collisions are renamed. */
function uniqueLineIds<T extends { lineId: string }>(lines: T[]): T[] {
  const seen = new Set<string>();
  return lines.map((line, i) => {
    let id = line.lineId;
    while (seen.has(id)) id = flipUuid(id, i + 1);
    seen.add(id);
    return id === line.lineId ? line : { ...line, lineId: id };
  });
}

/** A different, still valid UUID derived from `uuid` (changes the last 12 hex digits). */
function flipUuid(uuid: string, salt = 1): string {
  const tail = uuid.slice(-12);
  const next = ((parseInt(tail, 16) + salt * 7919) % 0x1000000000000).toString(16).padStart(12, '0');
  return uuid.slice(0, -12) + next;
}

/**
 * Stamps the simulator's identity on a generated request: a new request with new `event` and `sender` objects;
 * its other objects are the generated request's own (requests are never changed once built, so sharing them
 * saves a deep copy on every delivery).
 */
export function withIdentity(req: MplusRequest, id: Identity): MplusRequest {
  return {
    ...req,
    event: { ...req.event, eventCounter: id.eventCounter, eventTimestamp: id.eventTimestamp },
    sender: { ...req.sender, branchNumber: id.branchNumber, workplaceNumber: id.workplaceNumber, instanceId: id.instanceId },
  };
}

/**
 * The compact JSON members (`"key":value`) of a generated request's top-level values, by key, made at its first
 * delivery; `null` for a value JSON leaves out.
 */
const memberJson = new WeakMap<MplusRequest, Map<string, string | null>>();

/** `"key":value` for one member, or `null` when JSON.stringify leaves the value out. */
function member(key: string, value: unknown): string | null {
  const json = JSON.stringify(value);
  return json === undefined ? null : `${JSON.stringify(key)}:${json}`;
}

/**
 * `JSON.stringify(stamped)` for `stamped = withIdentity(req, …)`, without serialising `req`'s objects again on
 * every delivery: the JSON member of each top-level value `stamped` shares with `req` is made once per request
 * and kept (requests are never changed once built); only the new `event` and `sender` objects are serialised.
 * Byte for byte what `JSON.stringify` gives: the same keys in the same order, undefined values left out.
 */
export function stampedJson(req: MplusRequest, stamped: MplusRequest): string {
  let cached = memberJson.get(req);
  if (!cached) memberJson.set(req, (cached = new Map()));
  const own = req as unknown as Record<string, unknown>;
  const values = stamped as unknown as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(values)) {
    const v = values[key];
    let part: string | null | undefined;
    if (v !== own[key]) part = member(key, v);
    else if ((part = cached.get(key)) === undefined) cached.set(key, (part = member(key, v)));
    if (part === null) continue;
    out = out === '' ? `{${part}` : `${out},${part}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/** The identity fields, in the order of {@link Identity}. */
const IDENTITY_FIELDS = ['branchNumber', 'workplaceNumber', 'instanceId', 'eventCounter', 'eventTimestamp'] as const;

/**
 * A request's JSON with a hole where each identity value goes: `texts[0] + value(fields[0]) + texts[1] + …`.
 * `null` when the holes cannot be found for sure (a generated string that holds a marker's text).
 */
interface IdentityTemplate {
  texts: string[];
  fields: Array<(typeof IDENTITY_FIELDS)[number]>;
}

/** Made at a request's first delivery; requests are never changed once built. */
const templates = new WeakMap<MplusRequest, IdentityTemplate | null>();

function identityTemplate(req: MplusRequest): IdentityTemplate | null {
  const markers = Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, `\u0000hookcert-identity:${f}\u0000`])) as unknown as Identity;
  const json = JSON.stringify(withIdentity(req, markers));
  const holes = IDENTITY_FIELDS.map((field) => {
    const text = JSON.stringify(markers[field]);
    const at = json.indexOf(text);
    return { field, at, end: at + text.length, once: at >= 0 && json.indexOf(text, at + 1) < 0 };
  });
  if (!holes.every((h) => h.once)) return null;
  holes.sort((a, b) => a.at - b.at);
  const texts: string[] = [];
  let from = 0;
  for (const h of holes) {
    texts.push(json.slice(from, h.at));
    from = h.end;
  }
  texts.push(json.slice(from));
  return { texts, fields: holes.map((h) => h.field) };
}

/**
 * `JSON.stringify(withIdentity(req, id))`, byte for byte, without serialising anything but the five identity
 * values: the rest of the request's JSON is made once, at its first delivery, with a marker for each identity
 * value, and cut at the markers (see {@link stampedJson} when a marker cannot be found for sure).
 */
export function identityJson(req: MplusRequest, id: Identity): string {
  let template = templates.get(req);
  if (template === undefined) templates.set(req, (template = identityTemplate(req)));
  if (!template) return stampedJson(req, withIdentity(req, id));
  const { texts, fields } = template;
  let out = texts[0];
  for (let i = 0; i < fields.length; i++) {
    const value = id[fields[i]];
    // Only a string or a number is written as JSON.stringify writes it alone; anything else takes the long way.
    if (typeof value !== 'string' && typeof value !== 'number') return stampedJson(req, withIdentity(req, id));
    out += JSON.stringify(value) + texts[i + 1];
  }
  return out;
}
