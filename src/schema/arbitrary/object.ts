import * as fc from 'fast-check';
import { FORBIDDEN_KEYS, keyArbitrary, toObject } from './any.js';
import type { BuildContext } from './context.js';
import { UnsupportedSchemaError } from './errors.js';
import type { ConstraintNode, SchemaNode } from './ir.js';
import { isNever } from './never.js';
import { escapeToken } from './pointer.js';

/** Marks an optional property left out of a generated object. */
const ABSENT: unique symbol = Symbol('absent');

/** Weight scale of the present/absent choice for optional properties. */
const WEIGHT_SCALE = 1000;

/**
 * An optional property: absent (the shrink target) or present with `options.optionalProbability`.
 * In recursive schemas absence grows more likely with depth, and is certain past depth 8.
 */
function optional(arb: fc.Arbitrary<unknown>, ctx: BuildContext): fc.Arbitrary<unknown> {
  const present = Math.round(ctx.options.optionalProbability * WEIGHT_SCALE);
  if (present === 0) return fc.constant(ABSENT);
  if (present === WEIGHT_SCALE && !ctx.recursive) return arb;
  const depth = ctx.recursive ? { depthIdentifier: ctx.depth, depthSize: 'small' as const, maxDepth: 8 } : {};
  return fc.oneof(
    { withCrossShrink: true, ...depth },
    { arbitrary: fc.constant(ABSENT), weight: WEIGHT_SCALE - present },
    { arbitrary: arb, weight: present },
  );
}

/** One to three unknown properties whose names collide with none of `known`. */
function extrasArbitrary(known: ReadonlySet<string>, ctx: BuildContext): fc.Arbitrary<[string, unknown][]> {
  const key = keyArbitrary().filter((k) => !known.has(k));
  return fc.uniqueArray(fc.tuple(key, ctx.anyJson()), { minLength: 1, maxLength: 3, selector: (e) => e[0] });
}

/**
 * `type: object` with `properties`, `required` and `additionalProperties` (true/false/absent).
 * Declared properties keep their declaration order; required ones not declared get any JSON value.
 * No undeclared keys are generated unless `options.extraProperties` is set.
 */
export function objectArbitrary(node: ConstraintNode, path: string, ctx: BuildContext): fc.Arbitrary<Record<string, unknown>> {
  const at = node.location;
  const required = new Set(node.required ?? []);
  const entries: [string, SchemaNode | undefined][] = [...(node.properties ?? new Map<string, SchemaNode>())];
  for (const name of required) {
    if (node.properties?.has(name)) continue;
    if (node.additionalProperties === false)
      throw new UnsupportedSchemaError(at, 'required', `lists "${name}", which additionalProperties: false forbids`);
    entries.push([name, undefined]);
  }

  const keys: string[] = [];
  const arbs: fc.Arbitrary<unknown>[] = [];
  for (const [name, prop] of entries) {
    const isRequired = required.has(name);
    if (prop && isNever(prop)) {
      if (isRequired) throw new UnsupportedSchemaError(at, 'required', `lists "${name}", whose schema allows no value`);
      continue; // an optional property that can never be present
    }
    const valueArb = prop ? ctx.child(prop, `${path}/${escapeToken(name)}`) : ctx.anyJson();
    keys.push(name);
    arbs.push(isRequired ? valueArb : optional(valueArb, ctx));
  }

  const known = new Set([...keys, ...(node.properties?.keys() ?? []), ...FORBIDDEN_KEYS]);
  const extras = ctx.options.extraProperties ? extrasArbitrary(known, ctx) : fc.constant<[string, unknown][]>([]);
  return fc.tuple(fc.tuple(...arbs), extras).map(([values, extra]) => {
    const out: [string, unknown][] = [];
    values.forEach((v, i) => {
      if (v !== ABSENT) out.push([keys[i], v]);
    });
    return toObject([...out, ...extra]);
  });
}
