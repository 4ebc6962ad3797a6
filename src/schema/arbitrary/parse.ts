import { SchemaDocuments, locationString, type SchemaLocation } from './documents.js';
import { UnsupportedSchemaError } from './errors.js';
import { ANNOTATION_KEYWORDS, SUPPORTED_FORMATS, SUPPORTED_KEYWORDS } from './keywords.js';
import { JSON_TYPES, type ConstraintNode, type JsonType, type SchemaNode } from './ir.js';
import { jsonEqual } from './equal.js';
import { isTrivial, mergeNodes, prune } from './merge.js';
import { joinPointer } from './pointer.js';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Turns JSON Schema documents into the {@link SchemaNode} graph. Walks every schema object reachable
 * from the root (through `$ref`s, across files) and refuses unknown keywords and formats on the way.
 */
export class SchemaParser {
  private readonly done = new Map<string, SchemaNode>();
  private readonly inProgress = new Set<string>();
  /** Whether some `$ref` leads back to a schema that encloses it. */
  recursive = false;

  constructor(readonly documents: SchemaDocuments) {}

  /** Parses the schema object `schema` found at `loc` (memoised by location). */
  parse(schema: unknown, loc: SchemaLocation): SchemaNode {
    const key = locationString(loc);
    const known = this.done.get(key);
    if (known) return known;
    if (this.inProgress.has(key)) {
      this.recursive = true;
      const done = this.done;
      return {
        kind: 'ref',
        location: key,
        target(): SchemaNode {
          const n = done.get(key);
          if (!n) throw new Error(`hookcert: schema ${key} is still being compiled`);
          return n;
        },
      };
    }
    this.inProgress.add(key);
    try {
      const node = this.parseSchema(schema, loc);
      this.done.set(key, node);
      return node;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** Location of a subschema (`tokens` below `loc`), with the base URI moved by its own `$id`. */
  private child(loc: SchemaLocation, value: unknown, ...tokens: (string | number)[]): SchemaLocation {
    let base = loc.base;
    if (isObject(value) && typeof value.$id === 'string') {
      const u = new URL(value.$id, loc.base);
      u.hash = '';
      base = u.href;
    }
    return { docId: loc.docId, pointer: joinPointer(loc.pointer, ...tokens), base };
  }

  private sub(schema: Obj, loc: SchemaLocation, ...tokens: (string | number)[]): SchemaNode {
    let value: unknown = schema;
    for (const t of tokens) value = (value as Obj)[t];
    return this.parse(value, this.child(loc, value, ...tokens));
  }

  private parseSchema(schema: unknown, loc: SchemaLocation): SchemaNode {
    const at = locationString(loc);
    if (schema === true) return { kind: 'schema', location: at };
    if (schema === false) return { kind: 'schema', location: at, never: true };
    if (!isObject(schema)) throw new UnsupportedSchemaError(at, 'schema', `must be an object or a boolean, got ${JSON.stringify(schema)}`);

    for (const key of Object.keys(schema)) {
      if (!ANNOTATION_KEYWORDS.has(key) && !SUPPORTED_KEYWORDS.has(key)) throw new UnsupportedSchemaError(at, key);
    }
    const bad = (keyword: string, why: string): never => {
      throw new UnsupportedSchemaError(at, keyword, why);
    };
    const count = (keyword: string): number | undefined => {
      const v = schema[keyword];
      if (v === undefined) return undefined;
      return isCount(v) ? v : bad(keyword, `must be a non-negative integer, got ${JSON.stringify(v)}`);
    };
    const num = (keyword: string): number | undefined => {
      const v = schema[keyword];
      if (v === undefined) return undefined;
      return typeof v === 'number' && Number.isFinite(v) ? v : bad(keyword, `must be a finite number, got ${JSON.stringify(v)}`);
    };

    let types: Set<JsonType> | undefined;
    if (schema.type !== undefined) {
      const list = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (list.length === 0) bad('type', 'must not be an empty list');
      types = new Set();
      for (const t of list) {
        if (!JSON_TYPES.includes(t as JsonType)) bad('type', `has unknown type ${JSON.stringify(t)}`);
        types.add(t as JsonType);
      }
    }

    let enumValues: unknown[] | undefined;
    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum)) bad('enum', 'must be an array');
      enumValues = schema.enum as unknown[];
    }
    if (schema.const !== undefined || Object.prototype.hasOwnProperty.call(schema, 'const')) {
      const c = schema.const;
      enumValues = enumValues ? enumValues.filter((v) => jsonEqual(v, c)) : [c];
    }

    const patterns = [];
    if (schema.pattern !== undefined) {
      if (typeof schema.pattern !== 'string') bad('pattern', 'must be a string');
      try {
        new RegExp(schema.pattern as string, 'u');
      } catch (e) {
        bad('pattern', `is not a valid unicode regular expression: ${(e as Error).message}`);
      }
      patterns.push({ source: schema.pattern as string, location: at });
    }

    let format: string | undefined;
    if (schema.format !== undefined) {
      if (typeof schema.format !== 'string' || !SUPPORTED_FORMATS.has(schema.format))
        bad('format', `value ${JSON.stringify(schema.format)} is not supported (supported: ${[...SUPPORTED_FORMATS].join(', ')})`);
      format = schema.format as string;
    }

    const multipleOf = num('multipleOf');
    if (multipleOf !== undefined && !(multipleOf > 0)) bad('multipleOf', 'must be strictly positive');

    let properties: Map<string, SchemaNode> | undefined;
    if (schema.properties !== undefined) {
      if (!isObject(schema.properties)) bad('properties', 'must be an object');
      properties = new Map();
      for (const name of Object.keys(schema.properties as Obj)) properties.set(name, this.sub(schema, loc, 'properties', name));
    }

    let required: string[] | undefined;
    if (schema.required !== undefined) {
      if (!Array.isArray(schema.required) || !schema.required.every((r) => typeof r === 'string'))
        bad('required', 'must be an array of strings');
      required = [...new Set(schema.required as string[])];
    }

    let additionalProperties: boolean | undefined;
    if (schema.additionalProperties !== undefined) {
      const ap = schema.additionalProperties;
      if (ap === false) additionalProperties = false;
      else if (ap !== true) {
        const apNode = isObject(ap) ? this.sub(schema, loc, 'additionalProperties') : undefined;
        if (!apNode || !isTrivial(apNode)) {
          if (apNode && apNode.kind === 'schema' && apNode.never) additionalProperties = false;
          else bad('additionalProperties', 'must be true, false or {} (a schema for additional properties is not supported)');
        }
      }
    }

    let items: SchemaNode | undefined;
    if (schema.items !== undefined) {
      if (Array.isArray(schema.items)) bad('items', 'must be a schema (the array form is draft-07 tuple validation; use prefixItems, which is unsupported)');
      items = this.sub(schema, loc, 'items');
    }

    let uniqueItems: boolean | undefined;
    if (schema.uniqueItems !== undefined) {
      if (typeof schema.uniqueItems !== 'boolean') bad('uniqueItems', 'must be a boolean');
      uniqueItems = schema.uniqueItems ? true : undefined;
    }

    for (const k of ['exclusiveMinimum', 'exclusiveMaximum'])
      if (typeof schema[k] === 'boolean') bad(k, 'must be a number (the boolean form is draft-04)');

    if (schema.$defs !== undefined && !isObject(schema.$defs)) bad('$defs', 'must be an object');
    if (schema.examples !== undefined && !Array.isArray(schema.examples)) bad('examples', 'must be an array');

    const own: ConstraintNode = prune({
      kind: 'schema',
      location: at,
      types,
      enum: enumValues,
      minLength: count('minLength'),
      maxLength: count('maxLength'),
      patterns: patterns.length ? patterns : undefined,
      format,
      minimum: num('minimum'),
      maximum: num('maximum'),
      exclusiveMinimum: num('exclusiveMinimum'),
      exclusiveMaximum: num('exclusiveMaximum'),
      multipleOf,
      items,
      minItems: count('minItems'),
      maxItems: count('maxItems'),
      uniqueItems,
      properties,
      required,
      additionalProperties,
      examples: Array.isArray(schema.examples) && schema.examples.length > 0 ? (schema.examples as unknown[]) : undefined,
    });
    let node: SchemaNode = own;
    if (enumValues && enumValues.length === 0) node = { kind: 'schema', location: at, never: true };

    if (schema.$ref !== undefined) {
      if (typeof schema.$ref !== 'string') bad('$ref', 'must be a string');
      const target = this.documents.resolveRef(schema.$ref as string, loc);
      const targetNode = this.parse(target.schema, target.location);
      node = mergeNodes(targetNode, node, at);
    }

    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const list = schema[keyword];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) bad(keyword, 'must be a non-empty array of schemas');
      const branches = (list as unknown[]).map((_, i) => this.sub(schema, loc, keyword, i));
      const union: SchemaNode = { kind: 'union', keyword, location: at, branches };
      node = mergeNodes(union, node, at);
    }
    return node;
  }
}
