/**
 * Compiles JSON Schema (draft 2020-12) into fast-check arbitraries whose values validate against the
 * schema (ajv 8 + ajv-formats), shrink well, and are reproducible from a seed.
 *
 * ```ts
 * const arb = arbitraryFor(registry(), 'mplus/reply/dialog.schema.json', { optionalProbability: 0.8 });
 * fc.assert(fc.property(arb, (reply) => …));
 * ```
 *
 * Supported: `type` (incl. unions and `null`), `enum`, `const`, `properties`, `required`,
 * `additionalProperties` (true/false/{}), `items`, `minItems`, `maxItems`, `uniqueItems`, `minimum`,
 * `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, `minLength`, `maxLength`, `pattern`,
 * `format` (uuid, date-time, date, time, email, uri), `$ref` (relative, JSON pointer, cross-file,
 * recursive), `$defs`, `oneOf`, `anyOf`; annotations are ignored. Anything else throws
 * {@link UnsupportedSchemaError} at compile time.
 *
 * How values are drawn, and limits:
 * - `$ref`/`oneOf`/`anyOf` with sibling keywords are merged (conjunction) at compile time; a recursive
 *   `$ref` combined with constraining siblings cannot be merged and is refused.
 * - `oneOf` needs no run-time check when branches are provably disjoint (types, `const`/`enum`, required
 *   discriminator properties, nested); otherwise each value is checked with ajv against the `oneOf`
 *   schema and redrawn when it matches several branches (a branch that always overlaps fails loudly
 *   after 10,000 attempts).
 * - `pattern` uses `fc.stringMatching` with ajv's `u` flag; extra patterns, length bounds and formats
 *   combined with patterns/lengths are enforced by filtering small strings.
 * - Unbounded integers are drawn from the int32 range, `date`/`date-time` years from 1970–2099.
 * - Only schemas reachable from the root are compiled: unused `$defs` are not checked.
 * - In recursive schemas, optional properties and arrays become absent/empty with depth (certainly past 8).
 * @module
 */
import * as fc from 'fast-check';
import { ArbitraryBuilder } from './build.js';
import { SchemaDocuments, type SchemaLocation } from './documents.js';
import { UnsupportedSchemaError } from './errors.js';
import { resolveOptions, type SchemaArbitraryOptions } from './options.js';
import { SchemaParser } from './parse.js';
import { LocationValidators } from './validators.js';

export { UnsupportedSchemaError } from './errors.js';
export type { SchemaArbitraryOptions } from './options.js';

/** Base URI given to a root schema object that has no `$id`. */
const INLINE_ID = 'https://hookcert.invalid/inline.schema.json';
const ROOT_KEY = '$root';

/**
 * An arbitrary of values valid against `schema`.
 *
 * @param schema - a schema object, or the absolute `$id` of one (optionally with a `#/json/pointer` fragment)
 * @param resolve - maps an absolute `$id` (no fragment) to its schema object; called for every document a `$ref` reaches
 * @param options - see {@link SchemaArbitraryOptions}
 * @throws UnsupportedSchemaError for unsupported keywords/formats, unresolvable `$ref`s, unsatisfiable constraints
 * @throws RangeError for invalid options (including `sizes` keys that name no array, or overrides outside the schema's bounds)
 */
export function compileArbitrary(
  schema: object | string,
  resolve: (id: string) => object,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const opts = resolveOptions(options);
  const documents = new SchemaDocuments(resolve);
  let root: { schema: unknown; location: SchemaLocation };
  if (typeof schema === 'string') {
    const from: SchemaLocation = { docId: schema, pointer: '', base: schema };
    root = documents.resolveRef(schema, from);
  } else {
    const declared = (schema as { $id?: unknown }).$id;
    let id = INLINE_ID;
    if (typeof declared === 'string') {
      try {
        const u = new URL(declared, INLINE_ID);
        u.hash = '';
        id = u.href;
      } catch {
        throw new UnsupportedSchemaError(`${declared}#`, '$id', 'is not a valid URI');
      }
    }
    documents.add(id, schema);
    root = { schema, location: { docId: id, pointer: '', base: id } };
  }

  const parser = new SchemaParser(documents);
  const rootNode = parser.parse(root.schema, root.location);
  const validators = new LocationValidators(documents);

  let builder: ArbitraryBuilder | undefined;
  const arbs = fc.letrec<Record<string, unknown>>((tie) => {
    builder = new ArbitraryBuilder(opts, parser.recursive, validators, tie);
    const rootArb = builder.child(rootNode, '');
    return { ...Object.fromEntries(builder.tied), [ROOT_KEY]: rootArb };
  });
  builder!.checkSizesUsed();
  return arbs[ROOT_KEY];
}

/** The part of `SchemaRegistry` (`src/schema/registry.ts`) that {@link arbitraryFor} needs. */
export interface SchemaSource {
  /** The full `$id` for a short name such as `mplus/reply.schema.json`. */
  id(nameOrId: string): string;
  /** The schema object registered under an `$id`; throws when there is none. */
  get(nameOrId: string): object;
}

/**
 * {@link compileArbitrary} for a schema of the registry, by short name (`mplus/reply/dialog.schema.json`)
 * or full `$id`; `$ref`s resolve through the same registry.
 */
export function arbitraryFor(registry: SchemaSource, nameOrId: string, options?: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  return compileArbitrary(registry.id(nameOrId), (id) => registry.get(id), options);
}
