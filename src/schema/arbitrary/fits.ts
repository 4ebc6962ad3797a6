import { fullFormats } from 'ajv-formats/dist/formats.js';
import { canonicalJson, jsonEqual } from './equal.js';
import type { ConstraintNode, JsonType, SchemaNode } from './ir.js';

/** Number of unicode code points, as ajv counts string lengths. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** ajv's `multipleOf` test (without `multipleOfPrecision`): the quotient must be exactly an integer. */
export function ajvMultipleOf(value: number, multipleOf: number): boolean {
  const q = value / multipleOf;
  return q === parseInt(String(q), 10);
}

/** ajv-formats (full mode) check of `value` against a format name. */
export function formatAccepts(format: string, value: string): boolean {
  const f = (fullFormats as Record<string, unknown>)[format];
  if (f instanceof RegExp) return f.test(value);
  if (typeof f === 'function') return Boolean((f as (s: string) => unknown)(value));
  if (f && typeof f === 'object' && 'validate' in f) {
    const v = (f as { validate: unknown }).validate;
    return v instanceof RegExp ? v.test(value) : Boolean((v as (s: string) => unknown)(value));
  }
  return f === true;
}

function typeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'number') : undefined;
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return undefined;
}

function typeAllowed(t: JsonType, types: ReadonlySet<JsonType>): boolean {
  return types.has(t) || (t === 'integer' && types.has('number'));
}

/**
 * Whether `value` satisfies `node` (the same semantics as ajv for the supported keywords; `oneOf`
 * exclusivity included). Used at compile time to keep only the `enum`/`const` values that satisfy
 * their sibling keywords.
 */
export function fits(value: unknown, node: SchemaNode): boolean {
  if (node.kind === 'ref') return fits(value, node.target());
  if (node.kind === 'union') {
    const n = node.branches.filter((b) => fits(value, b)).length;
    return node.keyword === 'oneOf' ? n === 1 : n >= 1;
  }
  return fitsConstraints(value, node);
}

function fitsConstraints(value: unknown, node: ConstraintNode): boolean {
  if (node.never) return false;
  const t = typeOf(value);
  if (t === undefined) return false;
  if (node.types && !typeAllowed(t, node.types)) return false;
  if (node.enum && !node.enum.some((e) => jsonEqual(e, value))) return false;
  if (typeof value === 'string') {
    const len = codePointLength(value);
    if (node.minLength !== undefined && len < node.minLength) return false;
    if (node.maxLength !== undefined && len > node.maxLength) return false;
    if (node.patterns && !node.patterns.every((p) => new RegExp(p.source, 'u').test(value))) return false;
    if (node.format !== undefined && !formatAccepts(node.format, value)) return false;
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) return false;
    if (node.maximum !== undefined && value > node.maximum) return false;
    if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) return false;
    if (node.exclusiveMaximum !== undefined && value >= node.exclusiveMaximum) return false;
    if (node.multipleOf !== undefined && !ajvMultipleOf(value, node.multipleOf)) return false;
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) return false;
    if (node.maxItems !== undefined && value.length > node.maxItems) return false;
    if (node.uniqueItems && new Set(value.map(canonicalJson)).size !== value.length) return false;
    if (node.items && !value.every((v) => fits(v, node.items!))) return false;
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(obj, k);
    if (node.required && !node.required.every(has)) return false;
    for (const key of Object.keys(obj)) {
      const prop = node.properties?.get(key);
      if (prop) {
        if (!fits(obj[key], prop)) return false;
      } else if (node.additionalProperties === false) return false;
    }
  }
  return true;
}
