import { UnsupportedSchemaError } from './errors.js';
import { jsonEqual } from './equal.js';
import type { ConstraintNode, JsonType, SchemaNode, UnionNode } from './ir.js';

/** Upper bound on the branches a merge may produce (a `oneOf` of `oneOf`s multiplies them). */
const MAX_BRANCHES = 256;

/** Follows back edges; a back edge whose target is still being parsed cannot be merged. */
export function deref(node: SchemaNode, at: string): Exclude<SchemaNode, { kind: 'ref' }> {
  let n: SchemaNode = node;
  for (let hops = 0; n.kind === 'ref'; hops++) {
    if (hops > 64) throw new UnsupportedSchemaError(at, '$ref', 'forms a cycle of references with no schema in between');
    let target: SchemaNode;
    try {
      target = n.target();
    } catch {
      throw new UnsupportedSchemaError(at, '$ref', `is a recursive reference to ${n.location} combined with sibling keywords (cannot be merged)`);
    }
    n = target;
  }
  return n;
}

function countLeaves(node: SchemaNode): number {
  return node.kind === 'union' ? node.branches.reduce((s, b) => s + countLeaves(b), 0) : 1;
}

function intersectTypes(a: ReadonlySet<JsonType> | undefined, b: ReadonlySet<JsonType> | undefined): ReadonlySet<JsonType> | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

const maxOf = (a?: number, b?: number): number | undefined => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const minOf = (a?: number, b?: number): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

function isMultiple(big: number, small: number): boolean {
  const r = big / small;
  return Math.abs(r - Math.round(r)) < 1e-9;
}

const NEVER = (location: string): ConstraintNode => ({ kind: 'schema', location, never: true });

function mergeConstraints(a: ConstraintNode, b: ConstraintNode): ConstraintNode {
  const location = a.location;
  if (a.never || b.never) return NEVER(location);
  const types = intersectTypes(a.types, b.types);
  if (types && types.size === 0) return NEVER(location);
  const enumValues = a.enum && b.enum ? a.enum.filter((v) => b.enum!.some((w) => jsonEqual(v, w))) : (a.enum ?? b.enum);
  if (enumValues && enumValues.length === 0) return NEVER(location);

  if (a.format !== undefined && b.format !== undefined && a.format !== b.format)
    throw new UnsupportedSchemaError(b.location, 'format', `"${b.format}" conflicts with "${a.format}" required at ${a.location}`);
  let multipleOf = a.multipleOf ?? b.multipleOf;
  if (a.multipleOf !== undefined && b.multipleOf !== undefined) {
    const [big, small] = a.multipleOf >= b.multipleOf ? [a.multipleOf, b.multipleOf] : [b.multipleOf, a.multipleOf];
    if (!isMultiple(big, small))
      throw new UnsupportedSchemaError(b.location, 'multipleOf', `${b.multipleOf} combined with multipleOf ${a.multipleOf} at ${a.location}`);
    multipleOf = big;
  }

  let properties: Map<string, SchemaNode> | undefined;
  if (a.properties || b.properties) {
    properties = new Map();
    const pa = a.properties ?? new Map<string, SchemaNode>();
    const pb = b.properties ?? new Map<string, SchemaNode>();
    for (const [key, na] of pa) {
      const nb = pb.get(key);
      if (nb) properties.set(key, mergeNodes(na, nb, b.location));
      else properties.set(key, b.additionalProperties === false ? NEVER(na.location) : na);
    }
    for (const [key, nb] of pb) {
      if (!pa.has(key)) properties.set(key, a.additionalProperties === false ? NEVER(nb.location) : nb);
    }
  }
  const required = a.required || b.required ? [...new Set([...(a.required ?? []), ...(b.required ?? [])])] : undefined;
  const items = a.items && b.items ? mergeNodes(a.items, b.items, b.location) : (a.items ?? b.items);

  const merged: ConstraintNode = {
    kind: 'schema',
    location,
    types,
    enum: enumValues,
    minLength: maxOf(a.minLength, b.minLength),
    maxLength: minOf(a.maxLength, b.maxLength),
    patterns: a.patterns || b.patterns ? [...(a.patterns ?? []), ...(b.patterns ?? [])] : undefined,
    format: a.format ?? b.format,
    minimum: maxOf(a.minimum, b.minimum),
    maximum: minOf(a.maximum, b.maximum),
    exclusiveMinimum: maxOf(a.exclusiveMinimum, b.exclusiveMinimum),
    exclusiveMaximum: minOf(a.exclusiveMaximum, b.exclusiveMaximum),
    multipleOf,
    items,
    minItems: maxOf(a.minItems, b.minItems),
    maxItems: minOf(a.maxItems, b.maxItems),
    uniqueItems: a.uniqueItems || b.uniqueItems ? true : undefined,
    properties,
    required,
    additionalProperties: a.additionalProperties === false || b.additionalProperties === false ? false : undefined,
    // Annotations of the conjunction: the referenced schema's examples first (those that do not fit the conjunction are left out at build).
    examples: a.examples || b.examples ? [...(a.examples ?? []), ...(b.examples ?? [])] : undefined,
  };
  return prune(merged);
}

/** Drops `undefined` fields so that "keyword present" checks stay simple. */
export function prune(node: ConstraintNode): ConstraintNode {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (v !== undefined) out[k] = v;
  return out as unknown as ConstraintNode;
}

/** True when the node constrains nothing (the `true` schema, or only annotations). */
export function isTrivial(node: SchemaNode): boolean {
  return node.kind === 'schema' && Object.keys(node).every((k) => k === 'kind' || k === 'location');
}

/**
 * The conjunction of two schemas (what `$ref` + siblings and `oneOf`/`anyOf` + siblings mean).
 * Distributes over unions: `(A | B) & C` becomes `(A & C) | (B & C)`, keeping the `oneOf` location
 * so that exclusivity is still checked against the original branches.
 */
export function mergeNodes(a: SchemaNode, b: SchemaNode, at: string): SchemaNode {
  if (isTrivial(a)) return b;
  if (isTrivial(b)) return a;
  const da = deref(a, at);
  const db = deref(b, at);
  if (da.kind === 'union') return distribute(da, (branch) => mergeNodes(branch, db, at), at);
  if (db.kind === 'union') return distribute(db, (branch) => mergeNodes(da, branch, at), at);
  return mergeConstraints(da, db);
}

function distribute(union: UnionNode, f: (branch: SchemaNode) => SchemaNode, at: string): UnionNode {
  const out: UnionNode = { ...union, branches: union.branches.map(f) };
  if (countLeaves(out) > MAX_BRANCHES)
    throw new UnsupportedSchemaError(at, union.keyword, `combined with other combinators yields more than ${MAX_BRANCHES} branches`);
  return out;
}
