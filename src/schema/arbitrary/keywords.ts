/** Keywords that carry no assertion: accepted anywhere and ignored. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/** Assertion and applicator keywords the compiler implements. Every other keyword is refused. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'enum',
  'const',
  // objects
  'properties',
  'required',
  'additionalProperties',
  // arrays
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  // numbers
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  // strings
  'minLength',
  'maxLength',
  'pattern',
  'format',
  // references and combinators
  '$ref',
  '$defs',
  'oneOf',
  'anyOf',
]);

/** Values of `format` the compiler can generate (each accepted by ajv-formats' full mode). */
export const SUPPORTED_FORMATS: ReadonlySet<string> = new Set(['uuid', 'date-time', 'date', 'time', 'email', 'uri']);
