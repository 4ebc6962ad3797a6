import * as fc from 'fast-check';
import type { BuildContext } from './context.js';
import { canonicalJson } from './equal.js';
import { UnsupportedSchemaError } from './errors.js';
import { guardedFilter } from './filter.js';
import type { ConstraintNode, SchemaNode } from './ir.js';
import { isNever } from './never.js';

/** Number of distinct values a schema allows when it is small and known (enum, booleans, null, short integer ranges). */
function domainSize(node: SchemaNode | undefined): number | undefined {
  if (!node || node.kind === 'ref') return undefined;
  if (node.kind === 'union') {
    let total = 0;
    for (const b of node.branches) {
      const n = domainSize(b);
      if (n === undefined) return undefined;
      total += n;
    }
    return total;
  }
  if (node.never) return 0;
  if (node.enum) return node.enum.length;
  if (!node.types) return undefined;
  let total = 0;
  for (const t of node.types) {
    if (t === 'null') total += 1;
    else if (t === 'boolean') total += 2;
    else if (t === 'integer' && node.multipleOf === undefined) {
      const lo = Math.max(node.minimum ?? -Infinity, node.exclusiveMinimum !== undefined ? Math.floor(node.exclusiveMinimum) + 1 : -Infinity);
      const hi = Math.min(node.maximum ?? Infinity, node.exclusiveMaximum !== undefined ? Math.ceil(node.exclusiveMaximum) - 1 : Infinity);
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
      total += Math.max(0, Math.floor(hi) - Math.ceil(lo) + 1);
    } else return undefined;
  }
  return total;
}

/** The `[min, max]` length of the array at `path`: schema bounds, clamped by `options.maxItems`, overridden by `options.sizes`. */
function lengthRange(node: ConstraintNode, path: string, ctx: BuildContext): [number, number] {
  const at = node.location;
  const schemaMin = node.minItems ?? 0;
  const schemaMax = node.maxItems ?? Infinity;
  if (schemaMin > schemaMax) throw new UnsupportedSchemaError(at, 'minItems', `${schemaMin} exceeds maxItems ${schemaMax}`);
  let min = schemaMin;
  let max = Math.max(min, Math.min(schemaMax, ctx.options.maxItems));
  const override = ctx.sizeOverride(path);
  if (override) {
    const where = `hookcert: option sizes['${override.key}'] (array at ${at})`;
    if (override.minItems !== undefined) {
      if (override.minItems < schemaMin || override.minItems > schemaMax)
        throw new RangeError(`${where}: minItems ${override.minItems} is outside the schema's [${schemaMin}, ${schemaMax}]`);
      min = override.minItems;
      max = Math.max(max, min);
    }
    if (override.maxItems !== undefined) {
      if (override.maxItems < schemaMin || override.maxItems > schemaMax)
        throw new RangeError(`${where}: maxItems ${override.maxItems} is outside the schema's [${schemaMin}, ${schemaMax}]`);
      max = override.maxItems;
      if (override.minItems === undefined) min = Math.min(min, max);
    }
  }
  return [min, max];
}

/** `type: array` with `items`, `minItems`, `maxItems`, `uniqueItems`. Items live at `${path}/[]`. */
export function arrayArbitrary(node: ConstraintNode, path: string, ctx: BuildContext): fc.Arbitrary<unknown[]> {
  const at = node.location;
  let [min, max] = lengthRange(node, path, ctx);
  const items = node.items;
  if (items && isNever(items)) {
    if (min > 0) throw new UnsupportedSchemaError(at, 'items', `allows no value but minItems is ${min}`);
    return fc.constant([]).map(() => []);
  }
  const itemArb = items ? ctx.child(items, `${path}/[]`) : ctx.anyJson();
  const depth = ctx.recursive ? { depthIdentifier: ctx.depth } : {};
  let arb: fc.Arbitrary<unknown[]>;
  if (node.uniqueItems) {
    const domain = domainSize(items);
    if (domain !== undefined) {
      if (domain < min) throw new UnsupportedSchemaError(at, 'uniqueItems', `needs ${min} distinct items but the items schema allows only ${domain} values`);
      max = Math.min(max, domain);
    }
    arb = fc.uniqueArray(itemArb, { minLength: min, maxLength: max, size: 'max', selector: canonicalJson, ...depth });
    // fast-check gives up on collisions after a while and may return fewer items than asked for.
    if (min > 0) arb = guardedFilter(arb, (a) => a.length >= min, () => `${min}+ distinct items for ${at}`);
  } else {
    arb = fc.array(itemArb, { minLength: min, maxLength: max, size: 'max', ...depth });
  }
  if (ctx.recursive && min === 0) {
    // Deeper in a recursive structure, empty arrays become more likely (and certain past depth 8).
    arb = fc.oneof({ depthIdentifier: ctx.depth, depthSize: 'small', maxDepth: 8 }, fc.constant([]).map((): unknown[] => []), arb);
  }
  return arb;
}
