import * as fc from 'fast-check';
import { anyJsonArbitrary } from './any.js';
import { arrayArbitrary } from './array.js';
import type { BuildContext } from './context.js';
import { cloneJson } from './equal.js';
import { withExamples } from './examples.js';
import { UnsupportedSchemaError } from './errors.js';
import { fits } from './fits.js';
import { TYPE_KEYWORDS, type ConstraintNode, type JsonType, type SchemaNode } from './ir.js';
import { numberArbitrary } from './number.js';
import { objectArbitrary } from './object.js';
import type { ResolvedOptions, SizeOverride } from './options.js';
import { stringArbitrary } from './string.js';
import { unionArbitrary } from './union.js';
import type { LocationValidators } from './validators.js';

type Tie = (key: string) => fc.Arbitrary<unknown>;

/** The types a node generates: its `type`, or those implied by its type-specific keywords; `undefined` = any JSON. */
function generatedTypes(node: ConstraintNode): JsonType[] | undefined {
  let types: JsonType[] | undefined = node.types ? [...node.types] : undefined;
  if (!types) {
    const inferred = (Object.keys(TYPE_KEYWORDS) as (keyof typeof TYPE_KEYWORDS)[]).filter((t) =>
      TYPE_KEYWORDS[t].some((k) => node[k] !== undefined),
    );
    if (inferred.length === 0) return undefined;
    types = inferred;
  }
  // `number` already covers `integer`.
  return types.includes('number') ? types.filter((t) => t !== 'integer') : types;
}

/**
 * Turns the parsed schema graph into arbitraries. One instance per compilation; recursion goes
 * through `fc.letrec`'s `tie`, so shrinking works across recursive structures too.
 */
export class ArbitraryBuilder implements BuildContext {
  readonly depth = fc.createDepthIdentifier();
  /** Arbitraries referred to through `tie` (recursive nodes), by tie key. */
  readonly tied = new Map<string, fc.Arbitrary<unknown>>();
  private readonly tiedKeys = new Set<string>();
  private readonly building = new Map<SchemaNode, string>();
  private readonly memo = new Map<SchemaNode, Map<string, fc.Arbitrary<unknown>>>();
  private readonly usedSizes = new Set<string>();
  private any: fc.Arbitrary<unknown> | undefined;
  private nextKey = 0;

  constructor(
    readonly options: ResolvedOptions,
    readonly recursive: boolean,
    private readonly validators: LocationValidators,
    private readonly tie: Tie,
  ) {}

  anyJson(): fc.Arbitrary<unknown> {
    this.any ??= anyJsonArbitrary(this.options.unicode, this.options.maxLength);
    return this.any;
  }

  sizeOverride(path: string): SizeOverride | undefined {
    const found = this.options.sizes.get(path);
    if (found) this.usedSizes.add(path);
    return found;
  }

  /** Throws when a `sizes` key matched no array location (most likely a typo). */
  checkSizesUsed(): void {
    const unused = [...this.options.sizes].filter(([path]) => !this.usedSizes.has(path)).map(([, u]) => u);
    if (unused.length > 0)
      throw new RangeError(`hookcert: option sizes has keys that name no array of the schema: ${unused.map((u) => `'${u.key}'`).join(', ')}`);
  }

  child(node: SchemaNode, path: string): fc.Arbitrary<unknown> {
    let n = node;
    while (n.kind === 'ref') n = n.target();
    const inProgress = this.building.get(n);
    if (inProgress !== undefined) {
      this.tiedKeys.add(inProgress);
      return this.tie(inProgress);
    }
    let byPath = this.memo.get(n);
    const known = byPath?.get(path);
    if (known) return known;
    const key = `n${this.nextKey++}`;
    this.building.set(n, key);
    let arb: fc.Arbitrary<unknown>;
    try {
      arb = n.kind === 'union' ? unionArbitrary(n, path, this, this.validators) : this.constraint(n, path);
    } finally {
      this.building.delete(n);
    }
    if (this.tiedKeys.has(key)) this.tied.set(key, arb);
    if (!byPath) this.memo.set(n, (byPath = new Map()));
    byPath.set(path, arb);
    return arb;
  }

  private constraint(node: ConstraintNode, path: string): fc.Arbitrary<unknown> {
    const at = node.location;
    if (node.never) throw new UnsupportedSchemaError(at, 'false', 'allows no value');
    if (node.types && node.types.size === 0) throw new UnsupportedSchemaError(at, 'type', 'allows no type (conflicting types)');
    if (node.enum) {
      const rest: ConstraintNode = { ...node, enum: undefined };
      const values = node.enum.filter((v) => fits(v, rest));
      if (values.length === 0) throw new UnsupportedSchemaError(at, 'enum', 'has no value that satisfies its sibling keywords');
      const arb = fc.constantFrom(...values);
      return values.every((v) => v === null || typeof v !== 'object') ? arb : arb.map(cloneJson);
    }
    const types = generatedTypes(node);
    if (!types) return this.anyJson();
    const examples = [...(node.examples ?? []), ...(this.options.extraExamples.get(node.location) ?? [])];
    return withExamples(this.generated(node, types, path), node, examples, this.options.examples);
  }

  private generated(node: ConstraintNode, types: JsonType[], path: string): fc.Arbitrary<unknown> {
    const arbs = types.map((t): fc.Arbitrary<unknown> => {
      switch (t) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer':
          return numberArbitrary(node, true);
        case 'number':
          return numberArbitrary(node, false);
        case 'string':
          return stringArbitrary(node, this);
        case 'array':
          return arrayArbitrary(node, path, this);
        case 'object':
          return objectArbitrary(node, path, this);
      }
    });
    if (arbs.length === 1) return arbs[0];
    return this.recursive ? fc.oneof({ depthIdentifier: this.depth, depthSize: 'small' }, ...arbs) : fc.oneof(...arbs);
  }
}
