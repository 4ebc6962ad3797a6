/**
 * Options of {@link compileArbitrary}. Every field is optional; see each `@defaultValue`.
 */
export interface SchemaArbitraryOptions {
  /**
   * Probability that an optional property (one not listed in `required`) is present.
   * @defaultValue 0.5
   */
  optionalProbability?: number;
  /**
   * Cap for arrays without `maxItems`, and an upper clamp for all arrays unless overridden in `sizes`
   * (never below the schema's `minItems`).
   * @defaultValue 8
   */
  maxItems?: number;
  /**
   * Per-location array size overrides, keyed by a JSON-pointer-like path of property names with `[]`
   * for array items, e.g. `{ '/session/lines': { minItems: 0, maxItems: 400 } }` or `'/lines/[]/words'`
   * (`'/lines[]/words'` is accepted too; `''` is the root). An override must stay within the schema's
   * own `minItems`/`maxItems`, and every key must name an array location of the schema: both are
   * checked at compile time (`RangeError`).
   * @defaultValue `{}`
   */
  sizes?: Record<string, { minItems?: number; maxItems?: number }>;
  /**
   * Draw free-form strings from the full unicode range (astral planes, combining marks, CJK, …)
   * instead of printable ASCII. Strings constrained by `pattern` or `format` are unaffected.
   * @defaultValue false
   */
  unicode?: boolean;
  /**
   * Add one to three unknown extra properties to every generated object (forward-compatibility checks).
   * They deliberately may violate `additionalProperties: false`.
   * @defaultValue false
   */
  extraProperties?: boolean;
  /**
   * Cap for strings without `maxLength` (never below the schema's `minLength`).
   * @defaultValue 24
   */
  maxLength?: number;
  /**
   * Probability that a schema with `examples` (or `extraExamples`) takes one of them instead of a freshly
   * generated value. A scalar example is used as it is; an object example lays its scalar properties over a
   * generated object (values that belong together stay together; nested objects and arrays stay generated, and
   * so do properties of `format: uuid`: an id names one thing, two lines never share one). Examples that do not
   * fit the schema are left out. `0` ignores examples.
   * @defaultValue 0
   */
  examples?: number;
  /**
   * More examples, by schema location: the `$id` of a schema file (its root), optionally with a `#/json/pointer`.
   * Object examples may be partial (the generated value supplies what they leave out). The integrator's
   * catalogue reaches requests this way.
   * @defaultValue `{}`
   */
  extraExamples?: Readonly<Record<string, readonly unknown[]>>;
}

/** One entry of `sizes`, with the key as the user wrote it. */
export interface SizeOverride {
  readonly key: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** {@link SchemaArbitraryOptions} with defaults applied and the `sizes` keys normalised. */
export interface ResolvedOptions {
  readonly optionalProbability: number;
  readonly maxItems: number;
  /** By normalised path (see {@link normaliseSizePath}). */
  readonly sizes: ReadonlyMap<string, SizeOverride>;
  readonly unicode: boolean;
  readonly extraProperties: boolean;
  readonly maxLength: number;
  readonly examples: number;
  /** By location `<$id>#<pointer>`. */
  readonly extraExamples: ReadonlyMap<string, readonly unknown[]>;
}

/** Canonical form of a `sizes` key: `''` for the root, otherwise `/a/[]/b` (items as their own `[]` segment). */
export function normaliseSizePath(path: string): string {
  let p = path.trim();
  if (p === '' || p === '/') return '';
  if (!p.startsWith('/')) p = `/${p}`;
  p = p.replace(/([^/])\[\]/g, '$1/[]');
  return p.replace(/\/{2,}/g, '/').replace(/\/$/, '');
}

function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0))
    throw new RangeError(`hookcert: option ${name} must be a non-negative integer, got ${String(value)}`);
}

/** Applies the defaults and checks the ranges of user options. */
export function resolveOptions(options: SchemaArbitraryOptions = {}): ResolvedOptions {
  const optionalProbability = options.optionalProbability ?? 0.5;
  if (!(optionalProbability >= 0 && optionalProbability <= 1))
    throw new RangeError(`hookcert: option optionalProbability must be within [0, 1], got ${String(optionalProbability)}`);
  const examples = options.examples ?? 0;
  if (!(examples >= 0 && examples <= 1)) throw new RangeError(`hookcert: option examples must be within [0, 1], got ${String(examples)}`);
  checkCount('maxItems', options.maxItems);
  checkCount('maxLength', options.maxLength);
  const sizes = new Map<string, SizeOverride>();
  for (const [key, size] of Object.entries(options.sizes ?? {})) {
    checkCount(`sizes['${key}'].minItems`, size.minItems);
    checkCount(`sizes['${key}'].maxItems`, size.maxItems);
    if (size.minItems !== undefined && size.maxItems !== undefined && size.minItems > size.maxItems)
      throw new RangeError(`hookcert: option sizes['${key}'] has minItems ${size.minItems} > maxItems ${size.maxItems}`);
    const path = normaliseSizePath(key);
    if (sizes.has(path)) throw new RangeError(`hookcert: option sizes has two keys for ${path || "'' (root)"}`);
    sizes.set(path, { key, minItems: size.minItems, maxItems: size.maxItems });
  }
  return {
    optionalProbability,
    maxItems: options.maxItems ?? 8,
    sizes,
    unicode: options.unicode ?? false,
    extraProperties: options.extraProperties ?? false,
    maxLength: options.maxLength ?? 24,
    examples,
    extraExamples: new Map(Object.entries(options.extraExamples ?? {}).map(([k, v]) => [k.includes('#') ? k : `${k}#`, v])),
  };
}
