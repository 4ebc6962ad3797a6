/**
 * Properties of a value that its schema does not define, where the schema tolerates them (no
 * `additionalProperties: false`: the reply side is judged leniently, and a receiver's extra property is dropped
 * by the POS without a word). Read from the schemas alone: `$ref` (to another file or to `#/$defs/…`), `allOf`,
 * and of `anyOf` / `oneOf` the branches that fit the value (its JSON type, the `const` of a discriminating
 * property such as a form field's `type`); where several branches fit, a property any of them defines is known
 * (the lenient reading). An object schema that declares no `properties` says nothing: none of its properties
 * is unknown.
 * @module
 */
import { parsePointer } from './arbitrary/pointer.js';
import type { JsonSchema, SchemaRegistry } from './registry.js';

/** A schema and the `$id` of the document it sits in (what its `$ref`s are relative to). */
interface Located {
  schema: JsonSchema;
  base: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * The paths of `value`'s properties that the schema `id` does not define, in the words of a reply:
 * `scanCode.message`, `form.fields[].decimals` (array positions are `[]`, so a path does not depend on how many
 * items came before). Each path once, in the order found.
 */
export function unknownProperties(registry: SchemaRegistry, id: string, value: unknown): string[] {
  const out = new Set<string>();
  const full = registry.id(id);
  walk(registry, [{ schema: registry.get(full), base: full }], value as Json, '', out);
  return [...out];
}

function walk(registry: SchemaRegistry, schemas: readonly Located[], value: Json, path: string, out: Set<string>): void {
  // A scalar, an empty object or array has no property to find: its schemas need not be expanded.
  if (value === null || typeof value !== 'object' || isEmpty(value)) return;
  const views = schemas.flatMap((s) => expand(registry, s, value, 0));
  if (Array.isArray(value)) {
    const items = views.flatMap((v) => (isSchema(v.schema.items) ? [{ schema: v.schema.items, base: v.base }] : []));
    if (items.length > 0) for (const item of value) walk(registry, items, item, `${path}[]`, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const declaring = views.filter((v) => isSchema(v.schema.properties));
  // Nothing declared, or extra properties declared as allowed (or refused: then the schema itself fails them).
  if (declaring.length === 0 || views.some((v) => v.schema.additionalProperties !== undefined)) return;
  for (const [key, child] of Object.entries(value)) {
    const defined = declaring.flatMap((v) => {
      const p = (v.schema.properties as Record<string, unknown>)[key];
      return isSchema(p) ? [{ schema: p, base: v.base }] : [];
    });
    const at = path === '' ? key : `${path}.${key}`;
    if (defined.length === 0) out.add(at);
    else walk(registry, defined, child, at, out);
  }
}

/** The schemas that apply to `value` in place: `s` itself, what it `$ref`s, its `allOf`, its fitting `anyOf`/`oneOf` branches. */
function expand(registry: SchemaRegistry, s: Located, value: Json, depth: number): Located[] {
  if (depth > 32) return [s];
  const out: Located[] = [s];
  const { schema, base } = s;
  if (typeof schema.$ref === 'string') out.push(...expand(registry, resolve(registry, schema.$ref, base), value, depth + 1));
  for (const sub of Array.isArray(schema.allOf) ? schema.allOf : []) if (isSchema(sub)) out.push(...expand(registry, { schema: sub, base }, value, depth + 1));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = (Array.isArray(schema[key]) ? schema[key] : []).filter(isSchema).map((b) => expand(registry, { schema: b, base }, value, depth + 1));
    const fitting = branches.filter((views) => views.every((v) => fits(v.schema, value)));
    out.push(...(fitting.length > 0 ? fitting : branches).flat());
  }
  return out;
}

/** Whether `value` can be an instance of `schema` as far as its type and the `const`s of its properties say. */
function fits(schema: JsonSchema, value: Json): boolean {
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : undefined;
  if (types && !types.some((t) => hasType(value, t))) return false;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isSchema(schema.properties)) return true;
  return Object.entries(schema.properties).every(([k, p]) => !isSchema(p) || !('const' in p) || !(k in value) || p.const === value[k]);
}

function hasType(value: Json, type: string): boolean {
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  return typeof value === type;
}

/** The schema a `$ref` points to: another document by `$id`, optionally a JSON pointer inside it. */
function resolve(registry: SchemaRegistry, ref: string, base: string): Located {
  const url = new URL(ref, base);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const doc = url.href;
  let schema: unknown = registry.get(doc);
  for (const token of parsePointer(fragment)) schema = (schema as Record<string, unknown>)[token];
  if (!isSchema(schema)) throw new Error(`hookcert: $ref ${ref} (from ${base}) points to no schema`);
  return { schema, base: doc };
}

function isEmpty(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const _ in value) return false;
  return true;
}

function isSchema(v: unknown): v is JsonSchema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
