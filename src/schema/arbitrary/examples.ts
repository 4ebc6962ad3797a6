import * as fc from 'fast-check';
import { cloneJson } from './equal.js';
import { fits } from './fits.js';
import type { ConstraintNode, SchemaNode } from './ir.js';
import { deref } from './merge.js';

/** Weight scale of the generated/example choice. */
const WEIGHT_SCALE = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An identifier: generated fresh for every value, never taken from an example. */
function isId(node: SchemaNode | undefined, at: string): boolean {
  if (!node) return false;
  const n = deref(node, at);
  return n.kind === 'schema' && n.format === 'uuid';
}

/**
 * What an object example lays over a generated object: its scalar properties (not objects, arrays or ids),
 * each of which must be a property the node knows and fit its schema; `undefined` when the example cannot be
 * used that way.
 */
function overlayOf(example: unknown, node: ConstraintNode): Record<string, unknown> | undefined {
  if (!isObject(example)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(example)) {
    const prop = node.properties?.get(key);
    if (!prop) {
      if (node.additionalProperties === false) return undefined;
      continue;
    }
    if (!fits(value, prop)) return undefined;
    if (value !== null && typeof value === 'object') continue;
    if (isId(prop, node.location)) continue;
    out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * `generated`, or with `probability` one of `examples` (the node's own, then the extra ones): a scalar
 * example as it is, an object example's scalar properties laid over a generated object. Examples that do not
 * fit are left out; with none left, `generated` alone.
 */
export function withExamples(generated: fc.Arbitrary<unknown>, node: ConstraintNode, examples: readonly unknown[], probability: number): fc.Arbitrary<unknown> {
  const weight = Math.round(probability * WEIGHT_SCALE);
  if (weight === 0 || examples.length === 0) return generated;
  const objectNode = node.types?.has('object') === true && node.types.size === 1;
  let mixed: fc.Arbitrary<unknown>;
  if (objectNode) {
    const overlays = examples.map((e) => overlayOf(e, node)).filter((o): o is Record<string, unknown> => o !== undefined);
    if (overlays.length === 0) return generated;
    mixed = fc.tuple(generated, fc.constantFrom(...overlays)).map(([value, overlay]) => ({ ...(value as object), ...overlay }));
  } else {
    const whole = examples.filter((e) => (e === null || typeof e !== 'object') && fits(e, node));
    if (whole.length === 0) return generated;
    mixed = fc.constantFrom(...whole).map(cloneJson);
  }
  if (weight === WEIGHT_SCALE) return mixed;
  return fc.oneof({ arbitrary: generated, weight: WEIGHT_SCALE - weight }, { arbitrary: mixed, weight });
}
