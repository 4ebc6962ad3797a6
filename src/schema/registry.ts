import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { schemasDir } from '../paths.js';

// ajv-formats ships CommonJS; under NodeNext its default import is the module object, whose `default` is the plugin.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/** The `$id` prefix every hookcert schema shares; `schemas/mplus/x.schema.json` has `${SCHEMA_BASE}mplus/x.schema.json`. */
export const SCHEMA_BASE = 'https://hookcert.dev/schemas/';

/** A JSON Schema object as loaded from disk. */
export type JsonSchema = Record<string, unknown>;

/** One validation problem, in ajv's terms (`instancePath`, `schemaPath`) plus a readable line. */
export interface SchemaIssue {
  instancePath: string;
  schemaPath: string;
  message: string;
}

/** All schemas of the package, compiled once, looked up by `$id` or by path below `schemas/`. */
export class SchemaRegistry {
  readonly ajv: Ajv2020;
  readonly schemas = new Map<string, JsonSchema>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(dir: string = schemasDir) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, multipleOfPrecision: 9 });
    addFormats(this.ajv);
    for (const file of listSchemaFiles(dir)) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
      const id = schema.$id;
      if (typeof id !== 'string') throw new Error(`hookcert: schema ${relative(dir, file)} has no $id`);
      this.schemas.set(id, schema);
      this.ajv.addSchema(schema);
    }
  }

  /** The full `$id` for a short name such as `mplus/reply.schema.json`. */
  id(nameOrId: string): string {
    return nameOrId.startsWith('https://') ? nameOrId : SCHEMA_BASE + nameOrId;
  }

  /** The schema object registered under `nameOrId`; throws when there is none. */
  get(nameOrId: string): JsonSchema {
    const schema = this.schemas.get(this.id(nameOrId));
    if (!schema) throw new Error(`hookcert: no schema ${this.id(nameOrId)}`);
    return schema;
  }

  /** A compiled validator for `nameOrId` (compiled once, cached). */
  validator(nameOrId: string): ValidateFunction {
    const id = this.id(nameOrId);
    let fn = this.compiled.get(id);
    if (!fn) {
      this.get(id);
      fn = this.ajv.getSchema(id);
      if (!fn) throw new Error(`hookcert: schema ${id} did not compile`);
      this.compiled.set(id, fn);
    }
    return fn;
  }

  /** Validates `value` against `nameOrId`; an empty list means valid. */
  validate(nameOrId: string, value: unknown): SchemaIssue[] {
    const fn = this.validator(nameOrId);
    return fn(value) ? [] : toIssues(fn.errors ?? []);
  }
}

function toIssues(errors: ErrorObject[]): SchemaIssue[] {
  return errors.map((e) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
  }));
}

function listSchemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSchemaFiles(path));
    else if (entry.name.endsWith('.schema.json')) out.push(path);
  }
  return out;
}

let shared: SchemaRegistry | undefined;
/** The process-wide registry over the package's `schemas/` (loaded on first use). */
export function registry(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}
